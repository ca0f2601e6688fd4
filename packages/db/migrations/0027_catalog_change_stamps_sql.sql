-- Written by `pnpm db:sql bw_stamp_change opportunities organizations --name catalog_change_stamps_sql` from packages/db/sql (docs/database.md): the files' content as of this
-- migration. To change a function or trigger, edit its file and run `pnpm db:sql <name>`.
-- packages/db/sql/functions/bw_stamp_change.sql
-- Stamp a row with the transaction writing it (changed_xact, 64-bit, never wraps), so the API's
-- in-memory catalog can read a region's rows changed since its last look: it asks for stamps at
-- or after that look's snapshot xmin, and every older transaction had finished by then
-- (apps/api/src/lib/catalog/catalog-store.ts). Inserts take the column default.
CREATE OR REPLACE FUNCTION bw_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xact := pg_current_xact_id();
  RETURN NEW;
END $$;
--> statement-breakpoint
-- packages/db/sql/triggers/opportunities.sql
-- Triggers on opportunities (PostgreSQL fires a table's triggers in name order).

-- The in-memory catalog: stamp the opportunity with the transaction changing it (bw_stamp_change).
CREATE OR REPLACE TRIGGER opportunities_stamp_change BEFORE UPDATE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION bw_stamp_change();

-- The region cache: NOTIFY bw_region_changed with the opportunity's region, at commit.
CREATE OR REPLACE TRIGGER opportunities_region_changed AFTER INSERT OR UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();

-- report_experiences copies the opportunity's kind, level and sector.
CREATE OR REPLACE TRIGGER report_opportunity_update AFTER UPDATE OF kind, level, sector ON opportunities
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.level IS DISTINCT FROM NEW.level OR OLD.sector IS DISTINCT FROM NEW.sector) EXECUTE FUNCTION report_on_opportunity();
--> statement-breakpoint
-- packages/db/sql/triggers/organizations.sql
-- Triggers on organizations (PostgreSQL fires a table's triggers in name order).

-- The in-memory catalog: stamp the organization with the transaction changing it (bw_stamp_change).
CREATE OR REPLACE TRIGGER organizations_stamp_change BEFORE UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION bw_stamp_change();

-- The region cache: NOTIFY bw_region_changed with the organization's region, at commit.
CREATE OR REPLACE TRIGGER organizations_region_changed AFTER INSERT OR UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
