-- Statement trigger on report_experiences: inserted rows can only move their employers' first dates earlier.
CREATE OR REPLACE FUNCTION report_firsts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_add_from(array_agg(employer_id), array_agg(region_id), array_agg(completed_on)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
