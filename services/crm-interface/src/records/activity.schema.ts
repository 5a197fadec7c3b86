import { z } from 'zod';
import { customFields, dateTime, shortText, text, uuid, type RecordMeta } from './common.schema.js';
import { PRIORITIES } from './task.schema.js';

export const ACTIVITY_KINDS = ['appointment', 'visit', 'meeting', 'email', 'call', 'letter'] as const;
export const BUSY_STATUSES = ['free', 'tentative', 'busy', 'out-of-office', 'working-elsewhere'] as const;
export const PARTICIPANT_ROLES = ['required', 'optional'] as const;
export const RESPONSES = ['none', 'accepted', 'declined', 'tentative'] as const;
export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const participantSchema = z
  .object({
    personId: uuid.nullable(),
    userId: uuid.nullable(),
    address: z.string().max(320).nullable(),
    name: shortText.nullable(),
    role: z.enum(PARTICIPANT_ROLES),
    response: z.enum(RESPONSES),
  })
  .strict()
  .refine((p) => p.personId || p.userId || p.address, 'a participant needs a person, a user or an address');

export const organizerSchema = z
  .object({ userId: uuid.nullable(), address: z.string().max(320).nullable(), name: shortText.nullable() })
  .strict();

export const unresolvedSchema = z
  .object({
    required: z.array(z.string().max(320)).max(500),
    optional: z.array(z.string().max(320)).max(500),
    unknown: z.array(z.string().max(320)).max(500),
  })
  .strict();

export const recurrenceSchema = z
  .object({
    /** RFC 5545 RRULE value without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;BYDAY=MO;COUNT=10`. */
    rrule: z.string().min(5).max(2_000).regex(/^FREQ=/, 'rrule must start with FREQ='),
    /** Original start times of deleted occurrences (EXDATE). */
    deletedOccurrences: z.array(dateTime).max(5_000),
  })
  .strict();

/** A modified occurrence of a series, identified by the start it had before it was moved. */
export const exceptionSchema = z
  .object({
    originalStart: dateTime,
    startAt: dateTime,
    endAt: dateTime,
    allDay: z.boolean().optional(),
    subject: shortText.optional(),
    bodyText: text.nullable().optional(),
    location: shortText.nullable().optional(),
    busyStatus: z.enum(BUSY_STATUSES).nullable().optional(),
    reminderMinutes: z.number().int().min(0).nullable().optional(),
    participants: z.array(participantSchema).max(500).optional(),
  })
  .strict();

export const activityFieldsSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    responsibleUserId: uuid.nullable(),
    shared: z.boolean(),
    private: z.boolean(),
    personId: uuid.nullable(),
    companyId: uuid.nullable(),
    subject: shortText,
    bodyText: text.nullable(),
    bodyHtml: z.string().max(5_000_000).nullable(),
    startAt: dateTime.nullable(),
    endAt: dateTime.nullable(),
    timeZone: shortText.nullable(),
    allDay: z.boolean(),
    location: shortText.nullable(),
    reminderMinutes: z.number().int().min(0).nullable(),
    busyStatus: z.enum(BUSY_STATUSES).nullable(),
    categories: z.array(shortText).max(50),
    importance: z.enum(PRIORITIES),
    direction: z.enum(DIRECTIONS).nullable(),
    organizer: organizerSchema.nullable(),
    recurrence: recurrenceSchema.nullable(),
    exceptions: z.array(exceptionSchema).max(5_000),
    participants: z.array(participantSchema).max(5_000),
    missingParticipants: z.boolean(),
    unresolvedAddresses: unresolvedSchema,
    published: z.boolean(),
    deletedByConnector: z.boolean(),
    followUp: z.boolean(),
    internetMessageId: z.string().max(998).nullable(),
    inReplyTo: z.string().max(998).nullable(),
    references: z.array(z.string().max(998)).max(500),
    threadId: shortText.nullable(),
    sentAt: dateTime.nullable(),
    receivedAt: dateTime.nullable(),
    attachmentsOmitted: z.boolean(),
    customFields,
  })
  .strict();

export type Participant = z.infer<typeof participantSchema>;
export type Organizer = z.infer<typeof organizerSchema>;
export type Recurrence = z.infer<typeof recurrenceSchema>;
export type ActivityException = z.infer<typeof exceptionSchema>;
export type ActivityFields = z.infer<typeof activityFieldsSchema>;
export const activityPatchSchema = activityFieldsSchema.partial();
export type ActivityPatch = z.infer<typeof activityPatchSchema>;

export interface DocumentRef {
  id: string;
  role: 'original-mime' | 'attachment' | 'other';
  fileName: string;
  contentType: string;
  contentId: string | null;
  size: number;
  sha256: string;
}

export interface Activity extends ActivityFields, RecordMeta {
  documents: DocumentRef[];
}

export const ACTIVITY_DEFAULTS: Omit<ActivityFields, 'kind'> = {
  responsibleUserId: null,
  shared: true,
  private: false,
  personId: null,
  companyId: null,
  subject: '',
  bodyText: null,
  bodyHtml: null,
  startAt: null,
  endAt: null,
  timeZone: null,
  allDay: false,
  location: null,
  reminderMinutes: null,
  busyStatus: null,
  categories: [],
  importance: 'normal',
  direction: null,
  organizer: null,
  recurrence: null,
  exceptions: [],
  participants: [],
  missingParticipants: false,
  unresolvedAddresses: { required: [], optional: [], unknown: [] },
  published: false,
  deletedByConnector: false,
  followUp: false,
  internetMessageId: null,
  inReplyTo: null,
  references: [],
  threadId: null,
  sentAt: null,
  receivedAt: null,
  attachmentsOmitted: false,
  customFields: {},
};
