-- Triggers on event_volunteers (PostgreSQL fires a table's triggers in name order). Statement triggers
-- over the transition tables: a whole class is added or checked in with one statement.

-- report_experiences: the rows of the held events these changes touch.
CREATE OR REPLACE TRIGGER report_event_volunteers_delete AFTER DELETE ON event_volunteers REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_volunteers_insert AFTER INSERT ON event_volunteers REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_volunteers_update AFTER UPDATE ON event_volunteers REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();
