import type { DomainItem, ObjectType } from '@connector/core';
import { appointmentFromNative, appointmentToNative, emailToNative } from './activity.mapping.js';
import { contactFromNative } from './contact.mapping.js';
import { NativeFormatError, bool, el, opt, parseNative, record } from './native-xml.js';
import { absenceFromNative, taskFromNative, taskStatusToNative } from './task.mapping.js';

/** The CRM.interface datastore of each object type. */
export const DATASTORE_OF: Readonly<Record<ObjectType, string>> = {
  email: 'emails',
  contact: 'contacts',
  appointment: 'calendar',
  task: 'tasks',
  absence: 'absences',
};

const ROOT_OF: Readonly<Record<ObjectType, string>> = { email: 'activity', contact: 'contact', appointment: 'activity', task: 'task', absence: 'absence' };

/** A native CRM record of the type's datastore as a domain item. */
export function domainFromNative(objectType: ObjectType, xml: string): DomainItem {
  switch (objectType) {
    case 'contact':
      return contactFromNative(xml);
    case 'appointment':
      return appointmentFromNative(xml);
    case 'task':
      return taskFromNative(xml);
    case 'absence':
      return absenceFromNative(xml);
    case 'email':
      throw new NativeFormatError('e-mails are filed into the CRM, never read back');
  }
}

export interface NativeWriteOptions {
  /** Task updates carry status, % complete and completion only: the CRM owns the rest. */
  statusOnly?: boolean;
  /** A meeting of a foreign organizer, read-only in the CRM. */
  published?: boolean;
  /** Appointment updates: only these domain fields (the decided ones). */
  fields?: readonly string[];
}

/** A domain item as the native record a write sends (only what the connector may write). */
export function nativeFromDomain(item: DomainItem, options: NativeWriteOptions = {}): string {
  switch (item.type) {
    case 'appointment': {
      const xml = appointmentToNative(item, options.fields);
      return options.published ? xml.replace('</activity>', `${el('published', true)}</activity>`) : xml;
    }
    case 'email':
      return emailToNative(item);
    case 'task':
      if (options.statusOnly) return taskStatusToNative(item);
      throw new NativeFormatError('tasks are CRM-owned: only their status is written back');
    default:
      throw new NativeFormatError(`${item.type} records are CRM-owned and never written by the connector`);
  }
}

/** The partial record that marks an activity "deleted by connector" (the CRM keeps its history). */
export function deletedByConnectorRecord(objectType: ObjectType): string {
  return record(ROOT_OF[objectType], el('deletedByConnector', true));
}

/** Fields of a native record the rules filter on, read without mapping the whole record. */
export function nativeFacts(objectType: ObjectType, xml: string): { responsibleUserId?: string; favourite?: boolean; contactType?: string } {
  const n = parseNative(xml, ROOT_OF[objectType]);
  return { responsibleUserId: opt(n, 'responsibleUserId'), favourite: bool(n, 'favourite'), contactType: opt(n, 'contactType') };
}
