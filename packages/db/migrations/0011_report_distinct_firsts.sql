ALTER TABLE "report_experiences" ADD COLUMN "student_firsts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD COLUMN "employer_firsts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "report_experiences_student_id_completed_on_index" ON "report_experiences" USING btree ("student_id","completed_on") WHERE "report_experiences"."student_id" IS NOT NULL;--> statement-breakpoint
-- Distinct students and employers for the groupings of DISTINCT_GROUPINGS
-- (packages/domain/src/reporting/distinct-groupings.ts; bit i = grouping i, same order) without sorting or
-- hashing ~200,000 ids per region-year: bit i of student_firsts/employer_firsts marks the one
-- row (lowest id) of a student/employer in each partition of grouping i, where a partition is
-- a school year (July–June) — or a month for groupings with month — and one value of each of
-- the grouping's dimensions. A distinct count over whole partitions is then a filtered count.
-- `member` is student_id or employer_id; null keys recompute every row (backfill).
CREATE FUNCTION report_firsts_refresh(member text, keys uuid[], years int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  flags text := CASE member WHEN 'student_id' THEN 'student_firsts' WHEN 'employer_id' THEN 'employer_firsts' END;
  scope text := CASE WHEN keys IS NULL THEN format('x.%I IS NOT NULL', member)
    ELSE format('x.%1$I = k.m AND x.completed_on >= make_date(k.y, 7, 1) AND x.completed_on < make_date(k.y + 1, 7, 1)', member) END;
BEGIN
  EXECUTE format($f$
    WITH scoped AS (
      SELECT x.id, x.%1$I AS m, extract(year FROM x.completed_on - interval '6 months')::int AS y, date_trunc('month', x.completed_on) AS mo,
             x.sector, x.level, x.kind, x.district_id, x.school_id, x.pathway_id, x.%2$I AS old
      FROM report_experiences x %3$s WHERE %4$s
    ), bits AS (
      SELECT id, old,
          ((row_number() OVER (PARTITION BY m, y ORDER BY id) = 1)::int)
        | ((row_number() OVER (PARTITION BY m, y, sector ORDER BY id) = 1)::int << 1)
        | ((row_number() OVER (PARTITION BY m, y, level ORDER BY id) = 1)::int << 2)
        | ((row_number() OVER (PARTITION BY m, y, kind ORDER BY id) = 1)::int << 3)
        | ((row_number() OVER (PARTITION BY m, mo ORDER BY id) = 1)::int << 4)
        | ((row_number() OVER (PARTITION BY m, y, district_id ORDER BY id) = 1)::int << 5)
        | ((row_number() OVER (PARTITION BY m, y, school_id ORDER BY id) = 1)::int << 6)
        | ((row_number() OVER (PARTITION BY m, y, pathway_id ORDER BY id) = 1)::int << 7)
        | ((row_number() OVER (PARTITION BY m, y, sector, level ORDER BY id) = 1)::int << 8)
        | ((row_number() OVER (PARTITION BY m, y, district_id, kind ORDER BY id) = 1)::int << 9)
        | ((row_number() OVER (PARTITION BY m, y, district_id, level ORDER BY id) = 1)::int << 10) AS new
      FROM scoped)
    UPDATE report_experiences x SET %2$I = b.new FROM bits b WHERE x.id = b.id AND b.old <> b.new$f$,
    member, flags, CASE WHEN keys IS NULL THEN '' ELSE 'JOIN unnest($1::uuid[], $2::int[]) AS k(m, y) ON true' END, scope)
  USING keys, years;
END $$;
--> statement-breakpoint
-- Rows of these regions, students, employers and days changed: refresh the bits of the
-- students' and employers' school years.
CREATE FUNCTION report_firsts_changed(region_ids uuid[], student_ids uuid[], employer_ids uuid[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
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
    SELECT DISTINCT m, extract(year FROM d - interval '6 months')::int AS y FROM unnest(employer_ids, days) AS c(m, d)) t;
  IF members IS NOT NULL THEN PERFORM report_firsts_refresh('employer_id', members, years); END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_distinct_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(region_id), array_agg(student_id), array_agg(employer_id), array_agg(completed_on)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_distinct_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(region_id), array_agg(student_id), array_agg(employer_id), array_agg(completed_on)) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Updates mostly set hours or these bits themselves: only rows whose partitions moved count
-- (transition tables cannot be combined with UPDATE OF a column list).
CREATE FUNCTION report_distinct_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(c.region_id), array_agg(c.student_id), array_agg(c.employer_id), array_agg(c.completed_on))
  FROM removed r JOIN added a ON a.id = r.id,
    LATERAL (VALUES (r.region_id, r.student_id, r.employer_id, r.completed_on), (a.region_id, a.student_id, a.employer_id, a.completed_on)) AS c(region_id, student_id, employer_id, completed_on)
  WHERE (r.region_id, r.completed_on, r.student_id, r.employer_id, r.sector, r.level, r.kind, r.district_id, r.school_id, r.pathway_id)
    IS DISTINCT FROM (a.region_id, a.completed_on, a.student_id, a.employer_id, a.sector, a.level, a.kind, a.district_id, a.school_id, a.pathway_id)
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Backfill before the triggers exist (the bits' own update need not be looked at).
SELECT report_firsts_refresh('student_id', NULL, NULL);--> statement-breakpoint
SELECT report_firsts_refresh('employer_id', NULL, NULL);--> statement-breakpoint
CREATE TRIGGER report_distinct_insert AFTER INSERT ON report_experiences REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_insert();--> statement-breakpoint
CREATE TRIGGER report_distinct_delete AFTER DELETE ON report_experiences REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_delete();--> statement-breakpoint
CREATE TRIGGER report_distinct_update AFTER UPDATE ON report_experiences REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_update();