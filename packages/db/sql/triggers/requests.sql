-- Triggers on requests (PostgreSQL fires a table's triggers in name order).

-- report_experiences copies the request's district, school and pathway onto its matches' rows.
CREATE OR REPLACE TRIGGER report_request_update AFTER UPDATE OF district_id, school_id, pathway_id ON requests
  FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.pathway_id IS DISTINCT FROM NEW.pathway_id) EXECUTE FUNCTION report_on_request();

-- The region cache: NOTIFY bw_region_changed with the request's region, at commit.
CREATE OR REPLACE TRIGGER requests_region_changed AFTER INSERT OR UPDATE OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
