import { ItemSchema, Task as EwsTask, TaskDelegationState, TaskSchema, TaskStatus as EwsTaskStatus, type Item } from 'ews-javascript-api';
import type { Task, TaskStatus } from '@connector/core';
import { compact } from './contact.mapper.js';
import { bodyText, epochOf, formatInZone, importanceFromEws, importanceToEws, safe, textBody, toEwsDateTime } from './ews-values.js';
import type { TypeMapper } from './type-mapper.js';

const STATUS: Record<TaskStatus, EwsTaskStatus> = {
  notStarted: EwsTaskStatus.NotStarted,
  inProgress: EwsTaskStatus.InProgress,
  completed: EwsTaskStatus.Completed,
  waitingOnOthers: EwsTaskStatus.WaitingOnOthers,
  deferred: EwsTaskStatus.Deferred,
};

export function taskStatusToEws(status: TaskStatus): EwsTaskStatus {
  return STATUS[status];
}

export function taskStatusFromEws(status: EwsTaskStatus | undefined): TaskStatus {
  const found = (Object.entries(STATUS) as [TaskStatus, EwsTaskStatus][]).find(([, v]) => v === status);
  return found?.[0] ?? 'notStarted';
}

const t = (item: Item) => item as EwsTask;
const instant = (iso: string | undefined) => (iso ? toEwsDateTime(iso) : (null as never));
const utc = (ms: number | undefined) => (ms === undefined ? undefined : formatInZone(ms, 'UTC'));

export const taskMapper: TypeMapper<'task'> = {
  type: 'task',
  properties: (ctx) => [
    ItemSchema.Subject, ItemSchema.Body, ItemSchema.Importance, ItemSchema.IsReminderSet, ItemSchema.ReminderDueBy,
    TaskSchema.StartDate, TaskSchema.DueDate, TaskSchema.CompleteDate, TaskSchema.Status, TaskSchema.PercentComplete, TaskSchema.DelegationState,
    ...ctx.props.markerDefinitions,
  ],
  newItem: (service) => new EwsTask(service),
  fromEws(item) {
    const x = t(item);
    const delegation = safe(() => x.DelegationState);
    return compact({
      type: 'task' as const,
      subject: safe(() => x.Subject) ?? '',
      body: bodyText(safe(() => x.Body)),
      start: utc(epochOf(safe(() => x.StartDate))),
      due: utc(epochOf(safe(() => x.DueDate))),
      completedAt: utc(epochOf(safe(() => x.CompleteDate))),
      status: taskStatusFromEws(safe(() => x.Status)),
      percentComplete: safe(() => x.PercentComplete) ?? 0,
      importance: importanceFromEws(safe(() => x.Importance)),
      reminderAt: safe(() => x.IsReminderSet) ? utc(epochOf(safe(() => x.ReminderDueBy))) : undefined,
      isDelegated: delegation !== undefined && delegation !== TaskDelegationState.NoDelegation,
    }) as Task;
  },
  writers: {
    subject: (item, v) => (item.Subject = v.subject),
    body: (item, v) => (item.Body = v.body ? textBody(v.body) : (null as never)),
    start: (item, v) => (t(item).StartDate = instant(v.start)),
    due: (item, v) => (t(item).DueDate = instant(v.due)),
    completedAt: (item, v) => (t(item).CompleteDate = instant(v.completedAt)),
    status: (item, v) => (t(item).Status = taskStatusToEws(v.status)),
    percentComplete: (item, v) => (t(item).PercentComplete = v.percentComplete),
    importance: (item, v) => (item.Importance = importanceToEws(v.importance)),
    reminderAt: (item, v) => {
      item.IsReminderSet = v.reminderAt !== undefined;
      if (v.reminderAt) item.ReminderDueBy = toEwsDateTime(v.reminderAt);
    },
  },
};
