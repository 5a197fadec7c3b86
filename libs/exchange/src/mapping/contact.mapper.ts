import {
  Contact as EwsContact,
  ContactSchema,
  EmailAddress,
  EmailAddressKey,
  ItemSchema,
  PhoneNumberKey,
  PhysicalAddressEntry,
  PhysicalAddressKey,
  type Item,
} from 'ews-javascript-api';
import type { Contact } from '@connector/core';
import { bodyText, safe, textBody, tryGet } from './ews-values.js';
import { removeDictionaryEntry, removeExtendedProperty } from './stand-in-removals.js';
import type { FieldWriter, TypeMapper } from './type-mapper.js';

type EmailSlot = Contact['emails'][number]['slot'];
type PhoneKind = Contact['phones'][number]['kind'];
type AddressKind = Contact['addresses'][number]['kind'];

export const EMAIL_SLOTS: Record<EmailSlot, EmailAddressKey> = {
  email1: EmailAddressKey.EmailAddress1,
  email2: EmailAddressKey.EmailAddress2,
  email3: EmailAddressKey.EmailAddress3,
};

export const PHONE_SLOTS: Record<PhoneKind, PhoneNumberKey> = {
  business: PhoneNumberKey.BusinessPhone,
  business2: PhoneNumberKey.BusinessPhone2,
  home: PhoneNumberKey.HomePhone,
  mobile: PhoneNumberKey.MobilePhone,
  businessFax: PhoneNumberKey.BusinessFax,
  homeFax: PhoneNumberKey.HomeFax,
  other: PhoneNumberKey.OtherTelephone,
};

export const ADDRESS_SLOTS: Record<AddressKind, PhysicalAddressKey> = {
  business: PhysicalAddressKey.Business,
  home: PhysicalAddressKey.Home,
  other: PhysicalAddressKey.Other,
};

const c = (item: Item) => item as EwsContact;
const text = (read: (x: Contact) => string | undefined, write: (item: EwsContact, v: string | null) => void): FieldWriter<'contact'> =>
  (item, value) => write(c(item), read(value) || null);

const writers: TypeMapper<'contact'>['writers'] = {
  givenName: text((x) => x.givenName, (i, v) => (i.GivenName = v as string)),
  surname: text((x) => x.surname, (i, v) => (i.Surname = v as string)),
  displayName: text((x) => x.displayName, (i, v) => (i.DisplayName = v as string)),
  companyName: text((x) => x.companyName, (i, v) => (i.CompanyName = v as string)),
  jobTitle: text((x) => x.jobTitle, (i, v) => (i.JobTitle = v as string)),
  department: text((x) => x.department, (i, v) => (i.Department = v as string)),
  notes: (item, value) => (item.Body = value.notes ? textBody(value.notes) : (null as never)),
  emails: (item, value) => {
    const dict = c(item).EmailAddresses;
    for (const [slot, key] of Object.entries(EMAIL_SLOTS) as [EmailSlot, EmailAddressKey][]) {
      const entry = value.emails.find((e) => e.slot === slot);
      if (entry) dict._setItem(key, new EmailAddress(entry.name ?? entry.address, entry.address));
      else removeDictionaryEntry(item, dict, key);
    }
  },
  phones: (item, value) => {
    const dict = c(item).PhoneNumbers;
    for (const [kind, key] of Object.entries(PHONE_SLOTS) as [PhoneKind, PhoneNumberKey][]) {
      const entry = value.phones.find((p) => p.kind === kind);
      if (entry) dict._setItem(key, entry.number);
      else removeDictionaryEntry(item, dict, key);
    }
  },
  addresses: (item, value) => {
    const dict = c(item).PhysicalAddresses;
    for (const [kind, key] of Object.entries(ADDRESS_SLOTS) as [AddressKind, PhysicalAddressKey][]) {
      const a = value.addresses.find((x) => x.kind === kind);
      if (!a) {
        removeDictionaryEntry(item, dict, key);
        continue;
      }
      const entry = new PhysicalAddressEntry();
      if (a.street) entry.Street = a.street;
      if (a.city) entry.City = a.city;
      if (a.state) entry.State = a.state;
      if (a.postalCode) entry.PostalCode = a.postalCode;
      if (a.country) entry.CountryOrRegion = a.country;
      dict._setItem(key, entry);
    }
  },
  isCompany: (item, value, ctx) => {
    if (value.isCompany) item.SetExtendedProperty(ctx.props.isCompany, 'true');
    else removeExtendedProperty(item, ctx.props.isCompany);
  },
  extra: (item, value, ctx) => {
    for (const [name, def] of ctx.props.extras) {
      const v = value.extra[name];
      if (v) item.SetExtendedProperty(def, v);
      else removeExtendedProperty(item, def);
    }
  },
};

export const contactMapper: TypeMapper<'contact'> = {
  type: 'contact',
  properties: (ctx) => [
    ContactSchema.GivenName, ContactSchema.Surname, ContactSchema.DisplayName, ContactSchema.CompanyName, ContactSchema.JobTitle,
    ContactSchema.Department, ContactSchema.EmailAddresses, ContactSchema.PhoneNumbers, ContactSchema.PhysicalAddresses, ItemSchema.Body,
    ctx.props.isCompany, ...ctx.props.markerDefinitions, ...ctx.props.extraDefinitions,
  ],
  newItem: (service) => new EwsContact(service),
  fromEws(item, ctx) {
    const x = c(item);
    const emails: Contact['emails'] = [];
    for (const [slot, key] of Object.entries(EMAIL_SLOTS) as [EmailSlot, EmailAddressKey][]) {
      const found = tryGet<EmailAddress>((o) => x.EmailAddresses.TryGetValue(key, o));
      if (found?.Address) {
        const name = found.Name && found.Name !== found.Address ? found.Name : undefined;
        emails.push(name ? { slot, address: found.Address, name } : { slot, address: found.Address });
      }
    }
    const phones: Contact['phones'] = [];
    for (const [kind, key] of Object.entries(PHONE_SLOTS) as [PhoneKind, PhoneNumberKey][]) {
      const number = tryGet<string>((o) => x.PhoneNumbers.TryGetValue(key, o));
      if (number) phones.push({ kind, number });
    }
    const addresses: Contact['addresses'] = [];
    for (const [kind, key] of Object.entries(ADDRESS_SLOTS) as [AddressKind, PhysicalAddressKey][]) {
      const e = tryGet<PhysicalAddressEntry>((o) => x.PhysicalAddresses.TryGetValue(key, o));
      if (!e) continue;
      addresses.push(compact({ kind, street: e.Street, city: e.City, state: e.State, postalCode: e.PostalCode, country: e.CountryOrRegion }));
    }
    return compact({
      type: 'contact' as const,
      givenName: safe(() => x.GivenName) || undefined,
      surname: safe(() => x.Surname) || undefined,
      displayName: safe(() => x.DisplayName) || undefined,
      companyName: safe(() => x.CompanyName) || undefined,
      jobTitle: safe(() => x.JobTitle) || undefined,
      department: safe(() => x.Department) || undefined,
      emails,
      phones,
      addresses,
      notes: bodyText(safe(() => x.Body)),
      isCompany: ctx.props.readFlag(item, ctx.props.isCompany),
      extra: ctx.props.readExtras(item),
    });
  },
  writers,
};

/** Drops keys whose value is undefined or empty, so read-back equals what was written. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}
