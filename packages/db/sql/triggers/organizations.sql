-- Triggers on organizations (PostgreSQL fires a table's triggers in name order).

-- The in-memory catalog: stamp the organization with the transaction changing it (bw_stamp_change).
CREATE OR REPLACE TRIGGER organizations_stamp_change BEFORE UPDATE ON organizations
  FOR EACH ROW EXECUTE FUNCTION bw_stamp_change();

-- The region cache: NOTIFY bw_region_changed with the organization's region, at commit.
CREATE OR REPLACE TRIGGER organizations_region_changed AFTER INSERT OR UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
