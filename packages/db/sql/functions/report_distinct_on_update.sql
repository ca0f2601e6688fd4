-- Updates mostly set hours or these bits themselves: only rows whose partitions moved count
-- (transition tables cannot be combined with UPDATE OF a column list).
CREATE OR REPLACE FUNCTION report_distinct_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(c.region_id), array_agg(c.student_id), array_agg(c.employer_id), array_agg(c.completed_on))
  FROM removed r JOIN added a ON a.id = r.id,
    LATERAL (VALUES (r.region_id, r.student_id, r.employer_id, r.completed_on), (a.region_id, a.student_id, a.employer_id, a.completed_on)) AS c(region_id, student_id, employer_id, completed_on)
  WHERE (r.region_id, r.completed_on, r.student_id, r.employer_id, r.sector, r.level, r.kind, r.district_id, r.school_id, r.pathway_id)
    IS DISTINCT FROM (a.region_id, a.completed_on, a.student_id, a.employer_id, a.sector, a.level, a.kind, a.district_id, a.school_id, a.pathway_id)
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
