import { TRACKED_COLUMNS, trackedTableSql } from './001-change-tracking.js';
import type { Migration } from './index.js';

export const tasksAndAbsences: Migration = {
  version: 4,
  name: 'tasks, absences',
  sql: `
CREATE TABLE crm.task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  responsible_user_id uuid REFERENCES crm.app_user ON DELETE SET NULL,
  shared boolean NOT NULL DEFAULT true,
  private boolean NOT NULL DEFAULT false,
  delegated boolean NOT NULL DEFAULT false,
  person_id uuid REFERENCES crm.person ON DELETE SET NULL,
  company_id uuid REFERENCES crm.company ON DELETE SET NULL,
  subject text NOT NULL,
  body text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'completed', 'missed', 'waiting')),
  percent_complete integer NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
  start_date date,
  due_date date,
  completed_at timestamptz,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
  reminder_at timestamptz,
  categories text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  ${TRACKED_COLUMNS}
);
CREATE INDEX task_responsible_due_idx ON crm.task (responsible_user_id, due_date);
${trackedTableSql('crm.task', 'task')}

CREATE TABLE crm.absence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  responsible_user_id uuid NOT NULL REFERENCES crm.app_user ON DELETE CASCADE,
  shared boolean NOT NULL DEFAULT true,
  type text NOT NULL CHECK (type IN ('vacation', 'sickness', 'training', 'other')),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  all_day boolean NOT NULL DEFAULT true,
  time_zone text,
  note text,
  ${TRACKED_COLUMNS},
  CHECK (end_at >= start_at)
);
CREATE INDEX absence_responsible_start_idx ON crm.absence (responsible_user_id, start_at);
${trackedTableSql('crm.absence', 'absence')}
`,
};
