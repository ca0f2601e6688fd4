-- Triggers on event_students (PostgreSQL fires a table's triggers in name order). Statement triggers
-- over the transition tables: a whole class is added or checked in with one statement.

-- report_experiences: the rows of the held events these changes touch.
CREATE OR REPLACE TRIGGER report_event_students_delete AFTER DELETE ON event_students REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_students_insert AFTER INSERT ON event_students REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_students_update AFTER UPDATE ON event_students REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();
