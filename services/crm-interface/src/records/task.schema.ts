import { z } from 'zod';
import { customFields, date, dateTime, shortText, text, uuid, type RecordMeta } from './common.schema.js';

export const TASK_STATUSES = ['open', 'in-progress', 'completed', 'missed', 'waiting'] as const;
export const PRIORITIES = ['low', 'normal', 'high'] as const;

export const taskFieldsSchema = z
  .object({
    responsibleUserId: uuid.nullable(),
    shared: z.boolean(),
    private: z.boolean(),
    delegated: z.boolean(),
    personId: uuid.nullable(),
    companyId: uuid.nullable(),
    subject: shortText.min(1),
    body: text.nullable(),
    status: z.enum(TASK_STATUSES),
    percentComplete: z.number().int().min(0).max(100),
    startDate: date.nullable(),
    dueDate: date.nullable(),
    completedAt: dateTime.nullable(),
    priority: z.enum(PRIORITIES),
    reminderAt: dateTime.nullable(),
    categories: z.array(shortText).max(50),
    customFields,
  })
  .strict();

export type TaskFields = z.infer<typeof taskFieldsSchema>;
export const taskPatchSchema = taskFieldsSchema.partial();
export type TaskPatch = z.infer<typeof taskPatchSchema>;
export interface Task extends TaskFields, RecordMeta {}

export const TASK_DEFAULTS: Omit<TaskFields, 'subject'> = {
  responsibleUserId: null,
  shared: true,
  private: false,
  delegated: false,
  personId: null,
  companyId: null,
  body: null,
  status: 'open',
  percentComplete: 0,
  startDate: null,
  dueDate: null,
  completedAt: null,
  priority: 'normal',
  reminderAt: null,
  categories: [],
  customFields: {},
};
