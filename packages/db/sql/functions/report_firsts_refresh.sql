-- Distinct students and employers for the groupings of DISTINCT_GROUPINGS
-- (packages/domain/src/reporting/distinct-groupings.ts; bit i = grouping i, same order) without sorting or
-- hashing ~200,000 ids per region-year: bit i of student_firsts/employer_firsts marks the one
-- row (lowest id) of a student/employer in each partition of grouping i, where a partition is
-- a school year (July–June) — or a month for groupings with month — and one value of each of
-- the grouping's dimensions. A distinct count over whole partitions is then a filtered count.
-- `member` is student_id or employer_id; null keys recompute every row (backfill).
CREATE OR REPLACE FUNCTION report_firsts_refresh(member text, keys uuid[], years int[]) RETURNS void LANGUAGE plpgsql AS $$
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
