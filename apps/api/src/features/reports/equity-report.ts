import { schoolYearOf, suppressCells } from "@bridgework/domain";
import { type SQL, sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { Ctx } from "../../lib/context.ts";
import { csvText, sendCsvFile } from "../../lib/csv-writer.ts";
import { reportScope } from "../../lib/reporting/report-scope.ts";
import { schoolYearParticipants } from "../../lib/reporting/report-sql.ts";
import type { EquityDimension, EquityQuery, EquityReport } from "./reports.schemas.ts";

const yesNo = (col: SQL) => sql`CASE ${col} WHEN true THEN 'Y' WHEN false THEN 'N' ELSE 'unknown' END`;

/** The group a student falls in; a missing value is its own group, "unknown". */
const GROUP: Record<EquityDimension, SQL> = {
  gender: sql`coalesce(s.gender, 'unknown')`,
  raceEthnicity: sql`coalesce(s.race_ethnicity, 'unknown')`,
  englishLearner: yesNo(sql`s.english_learner`),
  disability: yesNo(sql`s.disability`),
  lowIncome: yesNo(sql`s.low_income`),
  grade: sql`s.grade::text`,
};

function order(dimension: EquityDimension) {
  return (a: { group: string }, b: { group: string }) =>
    dimension === "grade"
      ? Number(a.group) - Number(b.group)
      : Number(a.group === "unknown") - Number(b.group === "unknown") || a.group.localeCompare(b.group);
}

/**
 * Participation by a demographic group: students enrolled in scope (the students table) and,
 * of them, those with at least one completed placement in the school year (named students;
 * group engagements do not name theirs). Only aggregates leave the database, and groups under
 * MIN_CELL_SIZE are suppressed with their complement (suppressCells), as is a small total.
 */
export async function equityReport({ ctx, input }: { ctx: Ctx; input: EquityQuery }): Promise<EquityReport> {
  const scope = await reportScope(ctx, input);
  const schoolYear = input.schoolYear ?? schoolYearOf(ctx.clock.now());
  const where: SQL[] = [sql`s.region_id = ${scope.regionId}`];
  if (scope.districtId) where.push(sql`s.district_id = ${scope.districtId}`);
  if (scope.schoolId) where.push(sql`s.school_id = ${scope.schoolId}`);
  const { rows } = await ctx.db.execute<{ group: string; enrolled: number; participants: number }>(sql`
    WITH participants AS (${schoolYearParticipants(scope.regionId, schoolYear)})
    SELECT ${GROUP[input.dimension]} AS "group", count(*)::int AS enrolled, count(p.student_id)::int AS participants
    FROM students s LEFT JOIN participants p ON p.student_id = s.id
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY 1`);
  const cells = rows.sort(order(input.dimension));
  const total = cells.reduce(
    (t, c) => ({ group: "total", enrolled: t.enrolled + c.enrolled, participants: t.participants + c.participants }),
    { group: "total", enrolled: 0, participants: 0 },
  );
  return { dimension: input.dimension, schoolYear, rows: suppressCells(cells), totals: suppressCells([total])[0]! };
}

/** The suppressed rows and the total line as CSV (already aggregated and small: no cursor needed). */
export async function equityCsv({ ctx, input, reply }: { ctx: Ctx; input: EquityQuery; reply: FastifyReply }) {
  const report = await equityReport({ ctx, input });
  const csv = csvText([...report.rows, report.totals], ["group", "enrolled", "participants", "rate", "suppressed"]);
  return sendCsvFile(reply, csv, `equity-${input.dimension}-${report.schoolYear}.csv`);
}
