-- Triggers on placements (PostgreSQL fires a table's triggers in name order).

-- report_experiences: a completed placement's row, written whole.
CREATE OR REPLACE TRIGGER report_placement_insert AFTER INSERT ON placements
  FOR EACH ROW WHEN (NEW.status = 'completed') EXECUTE FUNCTION report_on_placement();

CREATE OR REPLACE TRIGGER report_placement_update AFTER UPDATE OF status, completed_at, district_id, school_id, student_id, opportunity_id, employer_id ON placements
  FOR EACH ROW WHEN (NEW.status = 'completed' OR OLD.status = 'completed') EXECUTE FUNCTION report_on_placement();
