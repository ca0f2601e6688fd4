-- Rows of these regions, students, employers and days changed: refresh the bits of the
-- students' and employers' school years (an event's rows name only one of the two).
CREATE OR REPLACE FUNCTION report_firsts_changed(region_ids uuid[], student_ids uuid[], employer_ids uuid[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  members uuid[];
  years int[];
BEGIN
  -- One writer per region at a time, until commit: two transactions each adding the first row
  -- of a partition would otherwise both mark theirs (neither sees the other's row). Each
  -- statement below then runs on a snapshot taken after the lock (READ COMMITTED).
  PERFORM pg_advisory_xact_lock(20251103, hashtext(r::text)) FROM (SELECT DISTINCT r FROM unnest(region_ids) AS r ORDER BY r) t;
  SELECT array_agg(m), array_agg(y) INTO members, years FROM (
    SELECT DISTINCT m, extract(year FROM d - interval '6 months')::int AS y FROM unnest(student_ids, days) AS c(m, d) WHERE m IS NOT NULL) t;
  IF members IS NOT NULL THEN PERFORM report_firsts_refresh('student_id', members, years); END IF;
  SELECT array_agg(m), array_agg(y) INTO members, years FROM (
    SELECT DISTINCT m, extract(year FROM d - interval '6 months')::int AS y FROM unnest(employer_ids, days) AS c(m, d) WHERE m IS NOT NULL) t;
  IF members IS NOT NULL THEN PERFORM report_firsts_refresh('employer_id', members, years); END IF;
END $$;
