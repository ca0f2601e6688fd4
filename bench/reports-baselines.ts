/**
 * Hand-written single SQL statements computing what each report endpoint returns: "base" ones
 * read the normalized tables (what one would write without a read model), "model" ones read
 * report_experiences directly (the endpoint's own work, without the API around it).
 * Parameters: $1 region, $2 first day, $3 last day (inclusive), $4 district where used.
 */

const fromTs = `($2::date::timestamp AT TIME ZONE 'UTC')`;
const toTs = `(($3::date + 1)::timestamp AT TIME ZONE 'UTC')`;

/** Each employer's first completed experience anywhere in the region, by full scans (no read model). */
const baseFirstYears = `
  first_years AS (
    SELECT employer_id, extract(year FROM (min(at) AT TIME ZONE 'UTC')::date - interval '6 months')::int AS first_year FROM (
      SELECT employer_id, completed_at AS at FROM matches WHERE region_id = $1 AND status = 'completed'
      UNION ALL SELECT employer_id, completed_at FROM placements WHERE region_id = $1 AND status = 'completed') t
    GROUP BY employer_id)`;

function baseExperiences(districtFilter: boolean) {
  return `
  e AS (
    SELECT r.district_id, r.school_id, o.sector, o.level, o.kind, m.employer_id, NULL::uuid AS student_id, m.attended_students AS attended, m.seats, 0::numeric AS hours,
           (m.completed_at AT TIME ZONE 'UTC')::date AS day
    FROM matches m JOIN requests r ON r.id = m.request_id JOIN opportunities o ON o.id = m.opportunity_id
    WHERE m.region_id = $1 AND m.status = 'completed' AND m.completed_at >= ${fromTs} AND m.completed_at < ${toTs}${districtFilter ? " AND r.district_id = $4" : ""}
    UNION ALL
    SELECT p.district_id, p.school_id, o.sector, o.level, o.kind, p.employer_id, p.student_id, 0, 1,
           (SELECT coalesce(sum(h.hours), 0) FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'approved'),
           (p.completed_at AT TIME ZONE 'UTC')::date
    FROM placements p JOIN opportunities o ON o.id = p.opportunity_id
    WHERE p.region_id = $1 AND p.status = 'completed' AND p.completed_at >= ${fromTs} AND p.completed_at < ${toTs}${districtFilter ? " AND p.district_id = $4" : ""})`;
}

const measures = (t: string) => `count(*)::int AS experiences,
  (count(DISTINCT ${t}.student_id) + coalesce(sum(${t}.attended), 0))::int AS students,
  sum(${t}.seats)::int AS seats, round(coalesce(sum(${t}.hours), 0)::numeric, 2)::float8 AS hours,
  count(DISTINCT ${t}.employer_id)::int AS employers,
  count(DISTINCT ${t}.employer_id) FILTER (WHERE fy.first_year = extract(year FROM ${t}.day - interval '6 months')::int)::int AS new_employers`;

/** Placements report grouped by `dims` (column names of e/x), with totals through GROUPING SETS. */
export function placementsBase(dims: string[], districtFilter = false): string {
  const g = dims.length ? `GROUP BY GROUPING SETS ((${dims.join(", ")}), ())` : "";
  return `WITH ${baseFirstYears}, ${baseExperiences(districtFilter)}
    SELECT ${dims.map((d) => `${d}, `).join("")}${measures("e")} FROM e LEFT JOIN first_years fy ON fy.employer_id = e.employer_id ${g}`;
}

export function placementsModel(dims: string[], districtFilter = false): string {
  const g = dims.length ? `GROUP BY GROUPING SETS ((${dims.join(", ")}), ())` : "";
  return `WITH first_years AS (
      SELECT org.id AS employer_id, extract(year FROM (SELECT min(f.completed_on) FROM report_experiences f WHERE f.employer_id = org.id) - interval '6 months')::int AS first_year
      FROM organizations org WHERE org.region_id = $1 AND org.type = 'employer'),
    x AS (SELECT *, completed_on AS day FROM report_experiences WHERE ${districtFilter ? "district_id = $4" : "region_id = $1"} AND completed_on BETWEEN $2::date AND $3::date)
    SELECT ${dims.map((d) => `${d}, `).join("")}${measures("x")} FROM x LEFT JOIN first_years fy ON fy.employer_id = x.employer_id ${g}`;
}

/** Unmet demand, with the similar-kinds rule written out by hand. */
export function unmetBase(similar: Array<[string, string]>): string {
  return `SELECT r.sector, r.kind, r.school_id, count(*)::int AS requests, sum(r.students)::int AS students_waiting
    FROM requests r
    WHERE r.region_id = $1 AND r.status IN ('open', 'expired')
      AND NOT EXISTS (SELECT 1 FROM opportunities o
        WHERE o.region_id = r.region_id AND o.status = 'published' AND (o.kind = r.kind OR (r.kind::text, o.kind::text) IN (${similar.map(([a, b]) => `('${a}', '${b}')`).join(", ")}))
          AND o.capacity - o.seats_taken >= r.students
          AND ((o.starts_at IS NULL AND o.ends_at IS NULL)
            OR (coalesce(o.ends_at, o.starts_at) >= (r.window_start::timestamp AT TIME ZONE 'UTC') AND (o.starts_at IS NULL OR o.starts_at < ((r.window_end + 1)::timestamp AT TIME ZONE 'UTC')))))
    GROUP BY r.sector, r.kind, r.school_id`;
}

export const equityBase = `
  SELECT coalesce(s.gender, 'unknown') AS grp, count(*)::int AS enrolled,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placements p WHERE p.student_id = s.id AND p.status = 'completed' AND p.completed_at >= ${fromTs} AND p.completed_at < ${toTs}))::int AS participants
  FROM students s WHERE s.region_id = $1 GROUP BY 1`;

/** Employers by highest level in the year, asks vs accepted, host again: one statement over the base tables. */
export const employersBase = `
  WITH e AS (
    SELECT m.employer_id, o.level, m.id AS match_id, NULL::uuid AS placement_id FROM matches m JOIN opportunities o ON o.id = m.opportunity_id
    WHERE m.region_id = $1 AND m.status = 'completed' AND m.completed_at >= ${fromTs} AND m.completed_at < ${toTs}
    UNION ALL
    SELECT p.employer_id, o.level, NULL, p.id FROM placements p JOIN opportunities o ON o.id = p.opportunity_id
    WHERE p.region_id = $1 AND p.status = 'completed' AND p.completed_at >= ${fromTs} AND p.completed_at < ${toTs}),
  top AS (SELECT employer_id, max(CASE level WHEN 'experience' THEN 3 WHEN 'engagement' THEN 2 WHEN 'exposure' THEN 1 ELSE 0 END) AS top FROM e GROUP BY employer_id),
  answers AS (SELECT CASE WHEN match_id IS NOT NULL THEN (SELECT bool_and(f.host_again) FROM match_feedback f WHERE f.match_id = e.match_id)
                          ELSE (SELECT ev.host_again FROM evaluations ev WHERE ev.placement_id = e.placement_id) END AS yes FROM e),
  asks AS (SELECT count(*) AS asks, count(accepted_at) AS accepted FROM matches WHERE region_id = $1 AND approved_at >= ${fromTs} AND approved_at < ${toTs})
  SELECT (SELECT count(*) FROM top) AS employers, (SELECT count(*) FILTER (WHERE top = 3) FROM top) AS experience,
    (SELECT asks FROM asks), (SELECT accepted FROM asks),
    (SELECT count(*) FILTER (WHERE yes) FROM answers) AS host_again_yes, (SELECT count(yes) FROM answers) AS host_again_answers,
    (SELECT count(*) FROM organizations org WHERE org.region_id = $1 AND org.type = 'employer'
       AND EXISTS (SELECT 1 FROM matches m JOIN opportunities o ON o.id = m.opportunity_id WHERE m.employer_id = org.id AND m.status = 'completed' AND o.level = 'exposure')
       AND NOT EXISTS (SELECT 1 FROM matches m JOIN opportunities o ON o.id = m.opportunity_id WHERE m.employer_id = org.id AND m.status = 'completed' AND o.level IN ('engagement', 'experience'))
       AND NOT EXISTS (SELECT 1 FROM placements p JOIN opportunities o ON o.id = p.opportunity_id WHERE p.employer_id = org.id AND p.status = 'completed' AND o.level IN ('engagement', 'experience'))) AS exposure_only`;

/** The CALPADS records of the year that pass validation, fetched whole (the export streams them). */
export function calpadsBase(codes: Record<string, string>): string {
  return `
  SELECT st.ssid, st.local_id, sch.name, c.code, p.id,
    (SELECT coalesce(sum(h.hours), 0) FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'approved' AND h.date BETWEEN $2::date AND $3::date) AS hours,
    ev.given, p.supervisor_name <> '' AS supervised
  FROM placements p JOIN students st ON st.id = p.student_id JOIN opportunities o ON o.id = p.opportunity_id
  JOIN (VALUES ${Object.entries(codes)
    .map(([k, c]) => `('${k}'::wbl_kind, '${c}')`)
    .join(", ")}) c(kind, code) ON c.kind = o.kind
  JOIN organizations sch ON sch.id = p.school_id LEFT JOIN evaluations ev ON ev.placement_id = p.id
  WHERE p.region_id = $1 AND p.status = 'completed' AND p.completed_at >= ${fromTs} AND p.completed_at < ${toTs} AND st.grade BETWEEN 9 AND 12
    AND st.ssid IS NOT NULL AND c.code <> '10'
    AND (c.code NOT IN ('15', '20') OR (SELECT coalesce(sum(h.hours), 0) FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'approved' AND h.date BETWEEN $2::date AND $3::date) > 0)
  ORDER BY sch.name, st.local_id, c.code, p.id`;
}
