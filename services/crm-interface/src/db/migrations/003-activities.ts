import { TRACKED_COLUMNS, trackedTableSql } from './001-change-tracking.js';
import type { Migration } from './index.js';

export const activities: Migration = {
  version: 3,
  name: 'activities, participants, documents',
  sql: `
CREATE TABLE crm.activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('appointment', 'visit', 'meeting', 'email', 'call', 'letter')),
  responsible_user_id uuid REFERENCES crm.app_user ON DELETE SET NULL,
  shared boolean NOT NULL DEFAULT true,
  private boolean NOT NULL DEFAULT false,
  person_id uuid REFERENCES crm.person ON DELETE SET NULL,
  company_id uuid REFERENCES crm.company ON DELETE SET NULL,
  subject text NOT NULL DEFAULT '',
  body_text text,
  body_html text,
  start_at timestamptz,
  end_at timestamptz,
  time_zone text,
  all_day boolean NOT NULL DEFAULT false,
  location text,
  reminder_minutes integer CHECK (reminder_minutes >= 0),
  busy_status text CHECK (busy_status IN ('free', 'tentative', 'busy', 'out-of-office', 'working-elsewhere')),
  categories text[] NOT NULL DEFAULT '{}',
  importance text NOT NULL DEFAULT 'normal' CHECK (importance IN ('low', 'normal', 'high')),
  direction text CHECK (direction IN ('incoming', 'outgoing')),
  organizer_user_id uuid REFERENCES crm.app_user ON DELETE SET NULL,
  organizer_address text,
  organizer_name text,
  rrule text,
  deleted_occurrences timestamptz[] NOT NULL DEFAULT '{}',
  series_master_id uuid REFERENCES crm.activity ON DELETE CASCADE,
  original_start timestamptz,
  missing_participants boolean NOT NULL DEFAULT false,
  unresolved_addresses jsonb NOT NULL DEFAULT '{"required":[],"optional":[],"unknown":[]}',
  published boolean NOT NULL DEFAULT false,
  deleted_by_connector boolean NOT NULL DEFAULT false,
  follow_up boolean NOT NULL DEFAULT false,
  internet_message_id text,
  in_reply_to text,
  message_references text[] NOT NULL DEFAULT '{}',
  thread_id text,
  sent_at timestamptz,
  received_at timestamptz,
  attachments_omitted boolean NOT NULL DEFAULT false,
  custom_fields jsonb NOT NULL DEFAULT '{}',
  ${TRACKED_COLUMNS},
  CHECK (end_at IS NULL OR start_at IS NULL OR end_at >= start_at),
  CHECK ((series_master_id IS NULL) = (original_start IS NULL))
);
-- Filing the same mail twice for a user finds the first activity.
CREATE UNIQUE INDEX activity_message_id_uq ON crm.activity (responsible_user_id, internet_message_id)
  WHERE internet_message_id IS NOT NULL;
CREATE UNIQUE INDEX activity_exception_uq ON crm.activity (series_master_id, original_start)
  WHERE series_master_id IS NOT NULL;
CREATE INDEX activity_responsible_start_idx ON crm.activity (responsible_user_id, start_at);
CREATE INDEX activity_thread_idx ON crm.activity (thread_id) WHERE thread_id IS NOT NULL;
${trackedTableSql('crm.activity', 'activity')}

CREATE TABLE crm.activity_participant (
  activity_id uuid NOT NULL REFERENCES crm.activity ON DELETE CASCADE,
  position integer NOT NULL,
  person_id uuid REFERENCES crm.person ON DELETE SET NULL,
  user_id uuid REFERENCES crm.app_user ON DELETE SET NULL,
  address text,
  name text,
  role text NOT NULL DEFAULT 'required' CHECK (role IN ('required', 'optional')),
  response text NOT NULL DEFAULT 'none' CHECK (response IN ('none', 'accepted', 'declined', 'tentative')),
  PRIMARY KEY (activity_id, position)
);
CREATE INDEX activity_participant_user_idx ON crm.activity_participant (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX activity_participant_person_idx ON crm.activity_participant (person_id) WHERE person_id IS NOT NULL;

-- Content lives in a large object, written and read in chunks, never whole in memory.
CREATE TABLE crm.document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES crm.activity ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('original-mime', 'attachment', 'other')),
  file_name text NOT NULL,
  content_type text NOT NULL,
  content_id text,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  content_oid oid NOT NULL,
  ${TRACKED_COLUMNS}
);
CREATE INDEX document_activity_idx ON crm.document (activity_id);
${trackedTableSql('crm.document', 'document')}

CREATE FUNCTION crm.unlink_document_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lo_unlink(OLD.content_oid);
  RETURN OLD;
END $$;
CREATE TRIGGER document_unlink_content AFTER DELETE ON crm.document
  FOR EACH ROW EXECUTE FUNCTION crm.unlink_document_content();
`,
};
