import type { Absence, Task } from '@connector/core';
import { bool, compact, el, int, opt, parseNative, record } from './native-xml.js';

type Status = Task['status'];
const STATUS_FROM_CRM: Record<string, Status> = { open: 'notStarted', 'in-progress': 'inProgress', completed: 'completed', missed: 'deferred', waiting: 'inProgress' };
const STATUS_TO_CRM: Record<Status, string> = { notStarted: 'open', inProgress: 'in-progress', completed: 'completed', deferred: 'missed', waitingOnOthers: 'waiting' };
const ABSENCE_KINDS = new Set(['vacation', 'sickness', 'training', 'other']);

/** A date-only CRM field as the start of that day in UTC. */
const dayStart = (date: string | undefined) => (date ? `${date}T00:00:00Z` : undefined);

export function taskFromNative(xml: string): Task {
  const n = parseNative(xml, 'task');
  const importance = opt(n, 'priority');
  return compact<Task>({
    type: 'task',
    subject: opt(n, 'subject') ?? '',
    body: opt(n, 'body'),
    start: dayStart(opt(n, 'startDate')),
    due: dayStart(opt(n, 'dueDate')),
    completedAt: opt(n, 'completedAt'),
    status: STATUS_FROM_CRM[opt(n, 'status') ?? 'open'] ?? 'notStarted',
    percentComplete: int(n, 'percentComplete') ?? 0,
    importance: importance === 'low' || importance === 'high' ? importance : 'normal',
    reminderAt: opt(n, 'reminderAt'),
    isDelegated: bool(n, 'delegated'),
  });
}

/** What flows back from Exchange for a task: status, % complete and completion, nothing else. */
export function taskStatusToNative(t: Pick<Task, 'status' | 'percentComplete' | 'completedAt'>): string {
  return record('task', el('status', STATUS_TO_CRM[t.status]) + el('percentComplete', Math.round(t.percentComplete)) + el('completedAt', t.completedAt ?? null));
}

export function absenceFromNative(xml: string): Absence {
  const n = parseNative(xml, 'absence');
  const kind = opt(n, 'type') ?? 'other';
  return compact<Absence>({
    type: 'absence',
    kind: (ABSENCE_KINDS.has(kind) ? kind : 'other') as Absence['kind'],
    start: opt(n, 'startAt') ?? '',
    end: opt(n, 'endAt') ?? '',
    timeZone: opt(n, 'timeZone') ?? 'UTC',
    isAllDay: bool(n, 'allDay'),
    note: opt(n, 'note'),
  });
}
