import { z } from 'zod';
import { importanceSchema, instantSchema } from './common.schema.js';

/** Exchange's task states; the CRM's own states map onto these at the CRM edge. */
export const taskStatusSchema = z.enum(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskSchema = z.object({
  type: z.literal('task'),
  subject: z.string().default(''),
  body: z.string().optional(),
  start: instantSchema.optional(),
  due: instantSchema.optional(),
  completedAt: instantSchema.optional(),
  status: taskStatusSchema.default('notStarted'),
  percentComplete: z.number().min(0).max(100).default(0),
  importance: importanceSchema.default('normal'),
  reminderAt: instantSchema.optional(),
  /** Tasks assigned through Outlook are never synced. */
  isDelegated: z.boolean().default(false),
});
export type Task = z.infer<typeof taskSchema>;
