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
