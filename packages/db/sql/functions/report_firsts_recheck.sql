-- These employers' first completed dates, looked up again in report_experiences (an employer with
-- no experience left loses its row).
CREATE OR REPLACE FUNCTION report_firsts_recheck(employers uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_employer_firsts f
  WHERE f.employer_id = ANY(employers) AND NOT EXISTS (SELECT 1 FROM report_experiences x WHERE x.employer_id = f.employer_id);
  UPDATE report_employer_firsts f
  SET first_completed_on = (SELECT min(x.completed_on) FROM report_experiences x WHERE x.employer_id = f.employer_id)
  WHERE f.employer_id = ANY(employers);
$$;
