-- Triggers on match_feedback (PostgreSQL fires a table's triggers in name order).

-- The region cache: feedback names no region, so once per statement every region's answers go.
CREATE OR REPLACE TRIGGER match_feedback_region_changed AFTER INSERT OR UPDATE OR DELETE ON match_feedback
  FOR EACH STATEMENT EXECUTE FUNCTION bw_notify_any_region_change();

-- report_experiences carries each completed match's feedback answers (host_again, has_feedback).
CREATE OR REPLACE TRIGGER report_feedback_change AFTER INSERT OR UPDATE OR DELETE ON match_feedback
  FOR EACH ROW EXECUTE FUNCTION report_on_feedback();
