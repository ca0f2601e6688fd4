import type { Db } from "@bridgework/db";
import { LEVELS, previousSchoolYear } from "@bridgework/domain";
import { type SQL, sql } from "drizzle-orm";
import { hostAgainSql } from "../../lib/reporting/host-again-sql.ts";
import { placementReportSql } from "../../lib/reporting/placement-report-sql.ts";
import type { ReportScope } from "../../lib/reporting/report-scope.ts";
import {
  distinctGroupingOf,
  distinctMeasures,
  experienceWhere,
  rate,
  schoolYearParticipants,
  schoolYearRange,
} from "../../lib/reporting/report-sql.ts";
import { unmetDemandSql } from "../../lib/reporting/unmet-demand-sql.ts";
import type { IndicatorId } from "./indicators.ts";

type Measures = { experiences: number; students: number; employers: number; newEmployers: number };
type LevelRow = Measures & { level: string; isTotal: boolean };

const zero: Measures = { experiences: 0, students: 0, employers: 0, newEmployers: 0 };

/** Statements several indicators of one request share (the year's measures by level), computed once. */
export type EvidenceShared = Map<string, Promise<unknown>>;

function once<T>(shared: EvidenceShared, key: string, compute: () => Promise<T>): Promise<T> {
  let pending = shared.get(key) as Promise<T> | undefined;
  if (!pending) shared.set(key, (pending = compute()));
  return pending;
}

const levelsOf = (db: Db, scope: ReportScope, schoolYear: string, shared: EvidenceShared) =>
  once(shared, `byLevel ${schoolYear}`, () => byLevel(db, scope, schoolYear));

function scopeOf(scope: ReportScope, alias: string): SQL {
  const parts: SQL[] = [];
  if (scope.districtId) parts.push(sql`${sql.identifier(alias)}.district_id = ${scope.districtId}`);
  if (scope.schoolId) parts.push(sql`${sql.identifier(alias)}.school_id = ${scope.schoolId}`);
  return parts.length ? sql` AND ${sql.join(parts, sql` AND `)}` : sql``;
}

/** Students served per level (distinct named + attending), employers per level, for one school year. */
async function byLevel(db: Db, scope: ReportScope, schoolYear: string) {
  const { rows } = await db.execute<LevelRow>(placementReportSql(scope, schoolYearRange(schoolYear), ["level"], true));
  const total = rows.find((r) => r.isTotal) ?? { ...zero, level: "", isTotal: true };
  const levels = LEVELS.map((level) => ({ level, ...zero, ...rows.find((r) => !r.isTotal && r.level === level) })).map(
    ({ level, experiences, students, employers, newEmployers }) => ({
      level,
      experiences,
      students,
      employers,
      newEmployers,
    }),
  );
  return { levels, total };
}

/** Enrolled students in scope, and how many of them had a completed placement in each year (hash joins, no per-student probes). */
async function enrollment(db: Db, scope: ReportScope, years: string[]) {
  const participants = years.map(
    (y, i) => sql`${sql.identifier(`p${i}`)} AS (${schoolYearParticipants(scope.regionId, y)})`,
  );
  const { rows } = await db.execute<Record<string, number>>(sql`
    WITH ${sql.join(participants, sql`, `)}
    SELECT count(*)::int AS enrolled, ${sql.join(
      years.map((_, i) => sql`count(${sql.identifier(`p${i}`)}.student_id)::int AS ${sql.identifier(`y${i}`)}`),
      sql`, `,
    )}
    FROM students s ${sql.join(
      years.map((_, i) => sql`LEFT JOIN ${sql.identifier(`p${i}`)} ON ${sql.identifier(`p${i}`)}.student_id = s.id`),
      sql` `,
    )}
    WHERE s.region_id = ${scope.regionId}${scopeOf(scope, "s")}`);
  const row = rows[0]!;
  return { enrolled: row.enrolled!, named: years.map((_, i) => row[`y${i}`]!) };
}

/** Distinct named students (placements) per level in a year: the only students that can be matched to enrolment. */
async function namedByLevel(db: Db, scope: ReportScope, schoolYear: string) {
  const range = schoolYearRange(schoolYear);
  const { students } = distinctMeasures(distinctGroupingOf(scope, range, ["level"]));
  const { rows } = await db.execute<{ level: string; named: number }>(sql`
    SELECT x.level::text AS level, (${students})::int AS named FROM report_experiences x
    WHERE ${experienceWhere(scope, range)} AND x.student_id IS NOT NULL GROUP BY x.level`);
  return new Map(rows.map((r) => [r.level, r.named]));
}

async function leadership(db: Db, scope: ReportScope, schoolYear: string, shared: EvidenceShared) {
  const previous = previousSchoolYear(schoolYear);
  const [now, before, named, people] = await Promise.all([
    levelsOf(db, scope, schoolYear, shared),
    levelsOf(db, scope, previous, shared),
    namedByLevel(db, scope, schoolYear),
    enrollment(db, scope, [schoolYear, previous]),
  ]);
  const year = (label: string, m: Measures, namedStudents: number) => ({
    schoolYear: label,
    students: m.students,
    namedStudents,
    shareOfEnrolled: rate(namedStudents, people.enrolled),
  });
  return {
    enrolled: people.enrolled,
    studentsServedByLevel: now.levels.map((l) => ({
      level: l.level,
      experiences: l.experiences,
      students: l.students,
      namedStudents: named.get(l.level) ?? 0,
      shareOfEnrolled: rate(named.get(l.level) ?? 0, people.enrolled),
    })),
    thisYear: year(schoolYear, now.total, people.named[0]!),
    previousYear: year(previous, before.total, people.named[1]!),
    note: "students = named students in placements + attending students of group engagements (counted once per engagement, not named); shareOfEnrolled = named students with a completed experience / students enrolled",
  };
}

async function employerEngagement(db: Db, scope: ReportScope, schoolYear: string, shared: EvidenceShared) {
  const range = schoolYearRange(schoolYear);
  const [levels, sectors, unmet, published] = await Promise.all([
    levelsOf(db, scope, schoolYear, shared),
    db.execute<Measures & { sector: string; isTotal: boolean }>(placementReportSql(scope, range, ["sector"], false)),
    db.execute<{ sector: string; requests: number; studentsWaiting: number }>(unmetDemandSql(scope, range)),
    db.execute<{ sector: string; opportunities: number; seats: number }>(sql`
      SELECT o.sector, count(*)::int AS opportunities, sum(o.capacity)::int AS seats FROM opportunities o
      WHERE o.region_id = ${scope.regionId} AND o.published_at >= (${range.from}::date::timestamp AT TIME ZONE 'UTC') AND o.published_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'UTC')
      GROUP BY o.sector`),
  ]);
  const bySector = new Map<
    string,
    {
      sector: string;
      unmetRequests: number;
      studentsWaiting: number;
      opportunitiesPublished: number;
      seatsPublished: number;
      employersEngaged: number;
      newEmployers: number;
    }
  >();
  const entry = (sector: string) => {
    let e = bySector.get(sector);
    if (!e)
      bySector.set(
        sector,
        (e = {
          sector,
          unmetRequests: 0,
          studentsWaiting: 0,
          opportunitiesPublished: 0,
          seatsPublished: 0,
          employersEngaged: 0,
          newEmployers: 0,
        }),
      );
    return e;
  };
  for (const r of unmet.rows) {
    entry(r.sector).unmetRequests += r.requests;
    entry(r.sector).studentsWaiting += r.studentsWaiting;
  }
  for (const r of published.rows)
    Object.assign(entry(r.sector), { opportunitiesPublished: r.opportunities, seatsPublished: r.seats });
  for (const r of sectors.rows)
    Object.assign(entry(r.sector), { employersEngaged: r.employers, newEmployers: r.newEmployers });
  return {
    employersEngaged: levels.total.employers,
    newEmployers: levels.total.newEmployers,
    employersByLevel: levels.levels.map((l) => ({ level: l.level, employers: l.employers })),
    demandVsRecruitmentBySector: [...bySector.values()].sort(
      (a, b) => b.studentsWaiting - a.studentsWaiting || a.sector.localeCompare(b.sector),
    ),
  };
}

async function continuousImprovement(db: Db, scope: ReportScope, schoolYear: string) {
  const range = schoolYearRange(schoolYear);
  const [completion, hostAgain, paperwork] = await Promise.all([
    db.execute<{ engagements: number; with_feedback: number; placements: number; evaluated: number }>(sql`
      SELECT count(x.match_id)::int AS engagements, count(*) FILTER (WHERE x.has_feedback)::int AS with_feedback,
        count(*) FILTER (WHERE x.match_id IS NULL)::int AS placements, count(*) FILTER (WHERE x.evaluated)::int AS evaluated
      FROM report_experiences x WHERE ${experienceWhere(scope, range)}`),
    db.execute<{ sy: number | null; yes: number; answers: number }>(hostAgainSql(scope, range)),
    db.execute<{ signed: number; median_days: number | null }>(sql`
      SELECT count(*)::int AS signed, round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.signed_at - d.created_at) / 86400.0))::numeric, 1)::float8 AS median_days
      FROM documents d JOIN placements p ON p.id = d.placement_id
      WHERE d.region_id = ${scope.regionId} AND d.signed_at >= (${range.from}::date::timestamp AT TIME ZONE 'UTC') AND d.signed_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'UTC')${scopeOf(scope, "p")}`),
  ]);
  const c = completion.rows[0]!;
  const h = hostAgain.rows.find((r) => r.sy === null) ?? { yes: 0, answers: 0 };
  const p = paperwork.rows[0]!;
  return {
    feedback: {
      engagements: c.engagements,
      withFeedback: c.with_feedback,
      completionRate: rate(c.with_feedback, c.engagements),
    },
    evaluations: { placements: c.placements, evaluated: c.evaluated, completionRate: rate(c.evaluated, c.placements) },
    hostAgain: { yes: h.yes, answers: h.answers, rate: rate(h.yes, h.answers) },
    paperwork: { documentsSigned: p.signed, medianDaysToSignature: p.median_days },
  };
}

/**
 * Evidence Bridgework can show for each C6 indicator, computed from the data of the scope and
 * year (aggregates only). Calls for several indicators of one request pass the same `shared`.
 */
export async function evidenceFor(
  db: Db,
  scope: ReportScope,
  schoolYear: string,
  indicator: IndicatorId,
  shared: EvidenceShared = new Map(),
): Promise<Record<string, unknown>> {
  if (indicator === "C6.1") return leadership(db, scope, schoolYear, shared);
  if (indicator === "C6.2") return employerEngagement(db, scope, schoolYear, shared);
  return continuousImprovement(db, scope, schoolYear);
}
