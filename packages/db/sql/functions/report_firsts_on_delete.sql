-- Statement trigger on report_experiences: deleted rows' employers get their first dates looked up again.
CREATE OR REPLACE FUNCTION report_firsts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_recheck(array_agg(DISTINCT employer_id)) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;
