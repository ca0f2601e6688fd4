import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { reportScope, type ReportScope } from "../../lib/reporting/report-scope.ts";
import {
  type DayRange,
  distinctGroupingOf,
  experienceWhere,
  firstsBit,
  rate,
  schoolYearRange,
  schoolYearStartOf,
} from "../../lib/reporting/report-sql.ts";
import type { EmployerReport, EmployerReportQuery } from "./reports.schemas.ts";
import { hostAgainSql } from "../../lib/reporting/host-again-sql.ts";

const LEVEL_RANK = sql`CASE x.level WHEN 'experience' THEN 3 WHEN 'engagement' THEN 2 WHEN 'exposure' THEN 1 ELSE 0 END`;

/**
 * Employers per school year by the highest level reached; the row with a null year is over all
 * years. An event's student rows name no employer (its employers have rows of their own). The levels an employer reached show on its first row per school year and level
 * (first-row bits, when the range is whole school years), ~6% of the rows.
 */
function levelsSql(scope: ReportScope, range: DayRange): SQL {
  const firsts = distinctGroupingOf(scope, range, ["level", "schoolYear"]);
  const onlyFirsts = firsts === null ? sql`` : sql` AND x.employer_firsts & ${firstsBit(firsts)} <> 0`;
  return sql`
    WITH e AS (
      SELECT ${schoolYearStartOf(sql`x.completed_on`)} AS sy, x.employer_id, max(${LEVEL_RANK}) AS top
      FROM report_experiences x WHERE ${experienceWhere(scope, range)} AND x.employer_id IS NOT NULL${onlyFirsts}
      GROUP BY GROUPING SETS ((${schoolYearStartOf(sql`x.completed_on`)}, x.employer_id), (x.employer_id))
    )
    SELECT sy, count(*)::int AS employers,
      count(*) FILTER (WHERE top = 1)::int AS exposure, count(*) FILTER (WHERE top = 2)::int AS engagement,
      count(*) FILTER (WHERE top = 3)::int AS experience, count(*) FILTER (WHERE top = 0)::int AS educator
    FROM e GROUP BY sy`;
}

/** Asks = matches approved (sent to the employer), by the school year of approval; accepted = the employer said yes. */
function asksSql(scope: ReportScope, range: DayRange): SQL {
  const where: SQL[] = [sql`m.region_id = ${scope.regionId}`, sql`m.approved_at IS NOT NULL`];
  if (range.from) where.push(sql`m.approved_at >= (${range.from}::date::timestamp AT TIME ZONE 'UTC')`);
  if (range.to) where.push(sql`m.approved_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'UTC')`);
  if (scope.districtId) where.push(sql`r.district_id = ${scope.districtId}`);
  if (scope.schoolId) where.push(sql`r.school_id = ${scope.schoolId}`);
  return sql`
    SELECT sy, count(*)::int AS asks, count(accepted_at)::int AS accepted FROM (
      SELECT ${schoolYearStartOf(sql`(m.approved_at AT TIME ZONE 'UTC')::date`)} AS sy, m.accepted_at
      FROM matches m${scope.districtId || scope.schoolId ? sql` JOIN requests r ON r.id = m.request_id` : sql``}
      WHERE ${sql.join(where, sql` AND `)}
    ) t GROUP BY GROUPING SETS ((sy), ())`;
}

/** Employers whose experiences (in scope, any year) never went past exposure; educator activities do not count either way. */
function exposureOnlySql(scope: ReportScope): SQL {
  const inScope = sql.join(
    [
      sql`f.employer_id = org.id`,
      scope.districtId ? sql`f.district_id = ${scope.districtId}` : sql`true`,
      scope.schoolId ? sql`f.school_id = ${scope.schoolId}` : sql`true`,
    ],
    sql` AND `,
  );
  // Rule out employers who went further first (index probes on (employer_id, level)), then count the rest's activities.
  return sql`
    WITH candidates AS MATERIALIZED (
      SELECT org.id, org.name, org.sectors FROM organizations org
      WHERE org.region_id = ${scope.regionId} AND org.type = 'employer'
        AND NOT EXISTS (SELECT 1 FROM report_experiences f WHERE ${inScope} AND f.level IN ('engagement', 'experience'))
    )
    SELECT org.id AS "employerId", org.name, org.sectors, s.n::int AS experiences, s.last::text AS "lastCompletedOn"
    FROM candidates org
    JOIN LATERAL (SELECT count(*) FILTER (WHERE f.level = 'exposure') AS n, max(f.completed_on) AS last FROM report_experiences f WHERE ${inScope}) s ON s.n > 0
    ORDER BY s.n DESC, org.name`;
}

type Levels = {
  sy: number | null;
  employers: number;
  exposure: number;
  engagement: number;
  experience: number;
  educator: number;
};
type Asks = { sy: number | null; asks: number; accepted: number };
type HostAgain = { sy: number | null; yes: number; answers: number };

/**
 * Employer engagement: per school year, employers by the highest continuum level they reached,
 * asks received vs accepted and the host-again rate; and the employers who only ever did
 * exposure activities (candidates to grow toward internships).
 */
export async function employerReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: EmployerReportQuery;
}): Promise<EmployerReport> {
  const scope = await reportScope(ctx, input);
  const range: DayRange = input.schoolYear ? schoolYearRange(input.schoolYear) : {};
  const [levels, asks, hostAgain, exposureOnly] = await Promise.all([
    ctx.db.execute<Levels>(levelsSql(scope, range)),
    ctx.db.execute<Asks>(asksSql(scope, range)),
    ctx.db.execute<HostAgain>(hostAgainSql(scope, range)),
    ctx.db.execute<EmployerReport["exposureOnly"][number]>(exposureOnlySql(scope)),
  ]);
  const years = new Set<number>();
  for (const r of [...levels.rows, ...asks.rows, ...hostAgain.rows]) if (r.sy !== null) years.add(r.sy);
  const measures = (sy: number | null) => {
    const l = levels.rows.find((r) => r.sy === sy);
    const a = asks.rows.find((r) => r.sy === sy);
    const h = hostAgain.rows.find((r) => r.sy === sy);
    return {
      employers: l?.employers ?? 0,
      byHighestLevel: {
        exposure: l?.exposure ?? 0,
        engagement: l?.engagement ?? 0,
        experience: l?.experience ?? 0,
        educator: l?.educator ?? 0,
      },
      asks: a?.asks ?? 0,
      accepted: a?.accepted ?? 0,
      acceptRate: rate(a?.accepted ?? 0, a?.asks ?? 0),
      hostAgainYes: h?.yes ?? 0,
      hostAgainAnswers: h?.answers ?? 0,
      hostAgainRate: rate(h?.yes ?? 0, h?.answers ?? 0),
    };
  };
  const rows = [...years].sort((a, b) => a - b).map((sy) => ({ schoolYear: `${sy}-${sy + 1}`, ...measures(sy) }));
  return { rows, totals: measures(null), exposureOnly: exposureOnly.rows };
}
