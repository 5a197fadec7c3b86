import type { Absence } from '../records/absence.schema.js';
import type { Activity } from '../records/activity.schema.js';
import type { Person } from '../records/person.schema.js';
import type { Task } from '../records/task.schema.js';
import type { DatastoreName } from '../repositories/datastores.js';
import { FORMAT_ERROR_CODES, FormatError } from './format.error.js';
import {
  decodeAbsenceIcal, decodeActivityIcal, decodeTaskIcal, encodeAbsenceIcal, encodeActivityIcal, encodeTaskIcal,
} from './icalendar.format.js';
import { decodeNativeRecord, encodeNativeRecord, nativeContentType } from './native.codec.js';
import { decodeActivityVcal, decodeTaskVcal, encodeActivityVcal, encodeTaskVcal } from './vcalendar.format.js';
import { decodeVCard, encodeVCard } from './vcard.format.js';

export interface ContentTypeRef {
  ctType: string;
  verCT: string;
}

interface StandardFormat {
  type: ContentTypeRef;
  encode(record: unknown): string;
  decode(data: string): Record<string, unknown>;
}

const isV1Calendar = (data: string) => /^VERSION:1\.0\s*$/im.test(data);
const VCARD21 = { ctType: 'text/x-vcard', verCT: '2.1' };
const VCARD30 = { ctType: 'text/vcard', verCT: '3.0' };
const VCAL10 = { ctType: 'text/x-vcalendar', verCT: '1.0' };
const ICAL20 = { ctType: 'text/calendar', verCT: '2.0' };

// Clients mislabel versions often enough: the content's VERSION line decides how it is read.
const calendarFormats = (
  encode1: (r: never) => string,
  encode2: (r: never) => string,
  decode1: (d: string) => Record<string, unknown>,
  decode2: (d: string) => Record<string, unknown>,
): StandardFormat[] => {
  const decode = (data: string) => (isV1Calendar(data) ? decode1(data) : decode2(data));
  return [
    { type: VCAL10, encode: (r) => encode1(r as never), decode },
    { type: ICAL20, encode: (r) => encode2(r as never), decode },
  ];
};

/** Standard formats per datastore, in preference order: vCard 2.1 / vCalendar 1.0 are the ones SyncML DS requires. */
const STANDARD: Record<DatastoreName, StandardFormat[]> = {
  contacts: [
    { type: VCARD21, encode: (r) => encodeVCard(r as Person, '2.1'), decode: decodeVCard },
    { type: VCARD30, encode: (r) => encodeVCard(r as Person, '3.0'), decode: decodeVCard },
  ],
  companies: [],
  calendar: calendarFormats(
    (r: Activity) => encodeActivityVcal(r),
    (r: Activity) => encodeActivityIcal(r),
    decodeActivityVcal,
    decodeActivityIcal,
  ),
  emails: [],
  tasks: calendarFormats((r: Task) => encodeTaskVcal(r), (r: Task) => encodeTaskIcal(r), decodeTaskVcal, decodeTaskIcal),
  absences: [{ type: ICAL20, encode: (r) => encodeAbsenceIcal(r as Absence), decode: decodeAbsenceIcal }],
};

const NATIVE_VERSION = '1.0';

function standardFor(datastore: DatastoreName, contentType: string): StandardFormat {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const aliases: Record<string, string> = { 'text/directory': 'text/vcard', 'text/x-vcalendar': 'text/x-vcalendar', 'text/vcalendar': 'text/x-vcalendar' };
  const wanted = aliases[type] ?? type;
  const found = STANDARD[datastore].find((f) => f.type.ctType === wanted);
  if (!found) throw new FormatError(FORMAT_ERROR_CODES.UNSUPPORTED_TYPE, `datastore ${datastore} does not speak ${contentType}`);
  return found;
}

const isNative = (datastore: DatastoreName, contentType: string) =>
  contentType.split(';')[0]!.trim().toLowerCase() === nativeContentType(datastore);

/** The record codec the SyncML engine uses: native XML first, then the standard types. */
export const recordCodec = {
  contentTypes(datastore: DatastoreName): ContentTypeRef[] {
    return [{ ctType: nativeContentType(datastore), verCT: NATIVE_VERSION }, ...STANDARD[datastore].map((f) => f.type)];
  },
  encode(datastore: DatastoreName, record: unknown, contentType: string): string {
    if (isNative(datastore, contentType)) return encodeNativeRecord(datastore, record as object);
    return standardFor(datastore, contentType).encode(record);
  },
  /** Input for create/update (a patch); throws FormatError on data it cannot read. */
  decode(datastore: DatastoreName, contentType: string, data: string): Record<string, unknown> {
    if (isNative(datastore, contentType)) return decodeNativeRecord(datastore, data);
    return standardFor(datastore, contentType).decode(data);
  },
};
