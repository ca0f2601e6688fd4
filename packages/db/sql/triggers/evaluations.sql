-- Triggers on evaluations (PostgreSQL fires a table's triggers in name order).

-- report_experiences carries each placement's evaluation answers (host_again, evaluated).
CREATE OR REPLACE TRIGGER report_evaluation_change AFTER INSERT OR UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION report_on_evaluation();
