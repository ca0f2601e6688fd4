-- Updates mostly change hours, sector or school: only rows whose employer or date moved count.
CREATE OR REPLACE FUNCTION report_firsts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_recheck(array_agg(DISTINCT r.employer_id))
  FROM removed r JOIN added a ON a.id = r.id
  WHERE (r.employer_id, r.region_id, r.completed_on) IS DISTINCT FROM (a.employer_id, a.region_id, a.completed_on) HAVING count(*) > 0;
  PERFORM report_firsts_add_from(array_agg(a.employer_id), array_agg(a.region_id), array_agg(a.completed_on))
  FROM added a JOIN removed r ON r.id = a.id
  WHERE (r.employer_id, r.region_id, r.completed_on) IS DISTINCT FROM (a.employer_id, a.region_id, a.completed_on) HAVING count(*) > 0;
  RETURN NULL;
END $$;
