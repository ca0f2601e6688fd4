-- Triggers on report_experiences (PostgreSQL fires a table's triggers in name order). All are
-- statement triggers over the transition tables: report_sync_match/placement delete and
-- re-insert a row, and bulk writes touch thousands of rows in one statement.

-- The first-row bits (student_firsts, employer_firsts) that make distinct counts filtered counts.
CREATE OR REPLACE TRIGGER report_distinct_delete AFTER DELETE ON report_experiences REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_delete();

CREATE OR REPLACE TRIGGER report_distinct_insert AFTER INSERT ON report_experiences REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_insert();

CREATE OR REPLACE TRIGGER report_distinct_update AFTER UPDATE ON report_experiences REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_update();

-- report_employer_firsts: each employer's first completed experience.
CREATE OR REPLACE TRIGGER report_firsts_delete AFTER DELETE ON report_experiences REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_delete();

CREATE OR REPLACE TRIGGER report_firsts_insert AFTER INSERT ON report_experiences REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_insert();

CREATE OR REPLACE TRIGGER report_firsts_update AFTER UPDATE ON report_experiences REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_update();
