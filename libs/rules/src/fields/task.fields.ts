import type { DomainItemOf } from '@connector/core';
import { body, instant, text } from '../normalize.js';
import { field, type TypeFields } from './field-spec.js';

type Task = DomainItemOf<'task'>;

/** The fields that flow back from Exchange when the task rule's `statusBack` is on. */
export const TASK_STATUS_FIELDS = ['status', 'percentComplete', 'completedAt'] as const;

export const taskFields: TypeFields<Task> = {
  hasExtra: false,
  fields: [
    field<Task, 'subject'>('subject', text),
    field<Task, 'body'>('body', body),
    field<Task, 'start'>('start', instant),
    field<Task, 'due'>('due', instant),
    field<Task, 'completedAt'>('completedAt', instant),
    field<Task, 'status'>('status', (v) => v ?? 'notStarted'),
    field<Task, 'percentComplete'>('percentComplete', (v) => v ?? 0),
    field<Task, 'importance'>('importance', (v) => v ?? 'normal'),
    field<Task, 'reminderAt'>('reminderAt', instant),
  ],
};
