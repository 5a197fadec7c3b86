import { z } from 'zod';
import { absenceFieldsSchema } from '../records/absence.schema.js';
import { activityFieldsSchema } from '../records/activity.schema.js';
import { companyFieldsSchema } from '../records/company.schema.js';
import { personFieldsSchema } from '../records/person.schema.js';
import { taskFieldsSchema } from '../records/task.schema.js';
import { userInputSchema } from '../records/user.schema.js';

/** One admin POST seeds at most this many records. */
export const MAX_BATCH = 10_000;

const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_BATCH);
// Seeds may choose ids so that later batches can refer to them (persons → companies, …).
const withId = <T extends z.ZodObject>(schema: T) => schema.partial().extend({ id: z.uuid().optional() });

export const usersBody = batch(userInputSchema);
export const companiesBody = batch(withId(companyFieldsSchema).extend({ name: companyFieldsSchema.shape.name }));
export const personsBody = batch(withId(personFieldsSchema));
export const activitiesBody = batch(withId(activityFieldsSchema).extend({ kind: activityFieldsSchema.shape.kind }));
export const tasksBody = batch(withId(taskFieldsSchema).extend({ subject: taskFieldsSchema.shape.subject }));
export const absencesBody = batch(
  withId(absenceFieldsSchema).extend({
    responsibleUserId: absenceFieldsSchema.shape.responsibleUserId,
    type: absenceFieldsSchema.shape.type,
    startAt: absenceFieldsSchema.shape.startAt,
    endAt: absenceFieldsSchema.shape.endAt,
  }),
);
export const favouritesBody = batch(z.object({ userId: z.uuid(), personId: z.uuid() }).strict());

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z
  .object({
    responsibleUserId: z.uuid().optional(),
    afterId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(5_000).optional(),
  })
  .strict();
export const activitiesQuery = listQuery.extend({
  kind: activityFieldsSchema.shape.kind.optional(),
  internetMessageId: z.string().optional(),
});
export const usersQuery = z.object({ salesGroup: z.string().optional(), syncEnabled: boolQuery.optional(), login: z.string().optional() }).strict();
export const favouritesQuery = z.object({ userId: z.uuid().optional() }).strict();
export const documentQuery = z
  .object({
    fileName: z.string().min(1).max(1_000),
    contentType: z.string().min(1).max(255).default('application/octet-stream'),
    role: z.enum(['original-mime', 'attachment', 'other']).default('attachment'),
    contentId: z.string().max(998).optional(),
  })
  .strict();
export const actAsQuery = z.object({ as: z.string().min(1).optional() }).strict();
export const idParams = z.object({ id: z.uuid() }).strict();
