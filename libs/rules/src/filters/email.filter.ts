import type { DomainItemOf } from '@connector/core';

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase();
}

/** True when every address of the mail (sender and recipients) is in the own domains. */
export function isInternalOnly(mail: DomainItemOf<'email'>, ownDomains: readonly string[]): boolean {
  if (ownDomains.length === 0) return false;
  const addresses = [mail.from, ...mail.to, ...mail.cc, ...mail.bcc].flatMap((a) => (a ? [a.address] : []));
  return addresses.length > 0 && addresses.every((a) => ownDomains.includes(domainOf(a)));
}
