import type { DatastoreName } from '../repositories/datastores.js';
import { decodeNative, encodeNative, type RecordFormatSpec } from './native-fields.js';
import { ABSENCE_FORMAT, ACTIVITY_FORMAT, COMPANY_FORMAT, PERSON_FORMAT, TASK_FORMAT } from './native.formats.js';
import { parseXml } from './xml.js';

export const NATIVE_SPECS: Record<DatastoreName, RecordFormatSpec> = {
  contacts: PERSON_FORMAT,
  companies: COMPANY_FORMAT,
  calendar: ACTIVITY_FORMAT,
  emails: ACTIVITY_FORMAT,
  tasks: TASK_FORMAT,
  absences: ABSENCE_FORMAT,
};

/** `application/vnd.crm-exchange.<type>+xml`, the connector's own content type per datastore. */
export function nativeContentType(datastore: DatastoreName): string {
  return `application/vnd.crm-exchange.${NATIVE_SPECS[datastore].root}+xml`;
}

export function encodeNativeRecord(datastore: DatastoreName, record: object): string {
  return encodeNative(NATIVE_SPECS[datastore], record as Record<string, unknown>);
}

/** A patch for create/update: only the fields present in the document. */
export function decodeNativeRecord(datastore: DatastoreName, xml: string): Record<string, unknown> {
  const spec = NATIVE_SPECS[datastore];
  return decodeNative(spec, parseXml(xml, spec.root));
}
