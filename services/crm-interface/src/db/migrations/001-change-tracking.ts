import type { Migration } from './index.js';

/**
 * One global change sequence. Writers draw from it under a shared advisory lock held until commit;
 * `stable_change_seq()` takes the same lock exclusively, so the value it returns is a watermark below
 * which every transaction has committed or rolled back: a reader scanning `change_seq <= watermark`
 * can never miss a row that commits later with a smaller number.
 */
export const changeTracking: Migration = {
  version: 1,
  name: 'change tracking',
  sql: `
CREATE SEQUENCE crm.change_seq;

CREATE FUNCTION crm.next_change_seq() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(720102);
  RETURN nextval('crm.change_seq');
END $$;

CREATE FUNCTION crm.stable_change_seq() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE current bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(720102);
  SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO current FROM crm.change_seq;
  RETURN current;
END $$;

CREATE FUNCTION crm.track_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_seq := crm.next_change_seq();
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE TABLE crm.tombstone (
  change_seq bigint PRIMARY KEY,
  object_type text NOT NULL,
  record_id uuid NOT NULL,
  deleted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tombstone_type_seq_idx ON crm.tombstone (object_type, change_seq);

CREATE FUNCTION crm.track_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO crm.tombstone (change_seq, object_type, record_id) VALUES (crm.next_change_seq(), TG_ARGV[0], OLD.id);
  RETURN OLD;
END $$;
`,
};

/** Trigger DDL every tracked table gets: a fresh change_seq on insert/update, a tombstone on delete. */
export function trackedTableSql(table: string, objectType: string): string {
  const name = table.replace(/^crm\./, '');
  return `
CREATE INDEX ${name}_change_seq_idx ON ${table} (change_seq);
CREATE TRIGGER ${name}_track_change BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION crm.track_change();
CREATE TRIGGER ${name}_track_delete AFTER DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION crm.track_delete('${objectType}');
`;
}

/** Columns every tracked table carries. */
export const TRACKED_COLUMNS = `
  change_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;
