-- Triggers on hours_entries (PostgreSQL fires a table's triggers in name order).

-- report_experiences carries each completed placement's sum of approved hours.
CREATE OR REPLACE TRIGGER report_hours_delete AFTER DELETE ON hours_entries
  FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION report_on_hours();

CREATE OR REPLACE TRIGGER report_hours_insert AFTER INSERT ON hours_entries
  FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION report_on_hours();

CREATE OR REPLACE TRIGGER report_hours_update AFTER UPDATE OF status, hours, placement_id ON hours_entries
  FOR EACH ROW WHEN (OLD.status = 'approved' OR NEW.status = 'approved') EXECUTE FUNCTION report_on_hours();
