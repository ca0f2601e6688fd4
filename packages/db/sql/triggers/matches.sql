-- Triggers on matches (PostgreSQL fires a table's triggers in name order, BEFORE ones first).

-- The request's kind and window, copied onto the match (the duplicate-ask check of suggestions).
CREATE OR REPLACE TRIGGER match_request_facts BEFORE INSERT OR UPDATE OF request_id ON matches
  FOR EACH ROW EXECUTE FUNCTION match_copy_request_facts();

-- The region cache: NOTIFY bw_region_changed with the match's region, at commit.
CREATE OR REPLACE TRIGGER matches_region_changed AFTER INSERT OR UPDATE OR DELETE ON matches
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();

-- report_experiences: a completed match's row, written whole.
CREATE OR REPLACE TRIGGER report_match_insert AFTER INSERT ON matches
  FOR EACH ROW WHEN (NEW.status = 'completed') EXECUTE FUNCTION report_on_match();

CREATE OR REPLACE TRIGGER report_match_update AFTER UPDATE OF status, completed_at, attended_students, seats, request_id, opportunity_id, employer_id ON matches
  FOR EACH ROW WHEN (NEW.status = 'completed' OR OLD.status = 'completed') EXECUTE FUNCTION report_on_match();
