import { TRACKED_COLUMNS, trackedTableSql } from './001-change-tracking.js';
import type { Migration } from './index.js';

export const people: Migration = {
  version: 2,
  name: 'users, companies, persons, favourites',
  sql: `
CREATE TABLE crm.app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login text NOT NULL,
  display_name text NOT NULL,
  email text,
  sales_group text,
  sync_enabled boolean NOT NULL DEFAULT true,
  password_hash text,
  password_md5 text,
  ${TRACKED_COLUMNS}
);
CREATE UNIQUE INDEX app_user_login_uq ON crm.app_user (lower(login));
CREATE INDEX app_user_email_idx ON crm.app_user (lower(email));
${trackedTableSql('crm.app_user', 'user')}

CREATE TABLE crm.company (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  responsible_user_id uuid REFERENCES crm.app_user ON DELETE SET NULL,
  shared boolean NOT NULL DEFAULT true,
  industry text,
  website text,
  notes text,
  emails jsonb NOT NULL DEFAULT '[]',
  phones jsonb NOT NULL DEFAULT '[]',
  addresses jsonb NOT NULL DEFAULT '[]',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  ${TRACKED_COLUMNS}
);
CREATE INDEX company_responsible_idx ON crm.company (responsible_user_id);
${trackedTableSql('crm.company', 'company')}

CREATE TABLE crm.person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid REFERENCES crm.company ON DELETE SET NULL,
  responsible_user_id uuid REFERENCES crm.app_user ON DELETE SET NULL,
  shared boolean NOT NULL DEFAULT true,
  contact_type text,
  salutation text,
  title text,
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  job_title text,
  department text,
  birthday date,
  notes text,
  phones jsonb NOT NULL DEFAULT '[]',
  addresses jsonb NOT NULL DEFAULT '[]',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  ${TRACKED_COLUMNS}
);
CREATE INDEX person_responsible_idx ON crm.person (responsible_user_id);
CREATE INDEX person_company_idx ON crm.person (company_id);
${trackedTableSql('crm.person', 'person')}

-- A table of its own (not jsonb) so address → person resolution is an index lookup.
CREATE TABLE crm.person_email (
  person_id uuid NOT NULL REFERENCES crm.person ON DELETE CASCADE,
  position integer NOT NULL,
  address text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('work', 'home', 'other')),
  PRIMARY KEY (person_id, position)
);
CREATE INDEX person_email_address_idx ON crm.person_email (lower(address));

CREATE TABLE crm.favourite (
  user_id uuid NOT NULL REFERENCES crm.app_user ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES crm.person ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, person_id)
);
CREATE INDEX favourite_person_idx ON crm.favourite (person_id);

-- The person record carries the reader's favourite flag, so a favourite change is a person change.
CREATE FUNCTION crm.touch_favourite_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE crm.person SET updated_at = clock_timestamp() WHERE id = COALESCE(NEW.person_id, OLD.person_id);
  RETURN NULL;
END $$;
CREATE TRIGGER favourite_touch_person AFTER INSERT OR DELETE ON crm.favourite
  FOR EACH ROW EXECUTE FUNCTION crm.touch_favourite_person();
`,
};
