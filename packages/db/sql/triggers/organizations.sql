-- Triggers on organizations (PostgreSQL fires a table's triggers in name order).

-- The region cache: NOTIFY bw_region_changed with the organization's region, at commit.
CREATE OR REPLACE TRIGGER organizations_region_changed AFTER INSERT OR UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
