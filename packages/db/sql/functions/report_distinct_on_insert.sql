-- Statement trigger on report_experiences: inserted rows' students and employers get the first-row
-- bits of their school years refreshed (report_firsts_changed).
CREATE OR REPLACE FUNCTION report_distinct_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(region_id), array_agg(student_id), array_agg(employer_id), array_agg(completed_on)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
