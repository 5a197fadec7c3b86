import type { ObjectType } from '@connector/core';
import type { Rules } from '@connector/config';

/** The folder an object type lives in, and whether the connector creates it when missing. */
export function folderForType(objectType: ObjectType, rules: Rules): { path: string; create: boolean } {
  const path = rules[objectType].folder;
  // Distinguished folders always exist; our own folders (CRM contacts, the mail sync folder) may not.
  const create = !/^\/<[a-z]+>$/.test(path);
  return { path, create };
}

/**
 * Appointments and absences share the calendar: one sync state each, so neither consumes the
 * other's changes.
 */
export function cursorKey(objectType: ObjectType, folderId: string): string {
  return `${objectType}|${folderId}`;
}
