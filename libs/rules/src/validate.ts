import { domainItemSchema, type DomainItem } from '@connector/core';
import { instantMs } from './normalize.js';

function order(problems: string[], from: string | undefined, to: string | undefined, message: string): void {
  const a = instantMs(from);
  const b = instantMs(to);
  if (a !== undefined && b !== undefined && b < a) problems.push(message);
}

/**
 * What makes an item unsyncable as it is: the shape of the domain model, plus the rules no
 * schema expresses (an end before its start). Empty when the item is fine.
 */
export function validateItem(item: DomainItem): string[] {
  const parsed = domainItemSchema.safeParse(item);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  switch (item.type) {
    case 'appointment':
      order(problems, item.start, item.end, 'end: before start');
      for (const o of item.modifiedOccurrences ?? []) order(problems, o.start, o.end, `modifiedOccurrences ${o.originalStart}: end before start`);
      break;
    case 'absence':
      order(problems, item.start, item.end, 'end: before start');
      break;
    case 'task':
      order(problems, item.start, item.due, 'due: before start');
      break;
    case 'contact':
      if (![item.givenName, item.surname, item.displayName, item.companyName].some((n) => n && n.trim() !== '')) problems.push('contact: has no name');
      break;
    case 'email':
      break;
  }
  return problems;
}
