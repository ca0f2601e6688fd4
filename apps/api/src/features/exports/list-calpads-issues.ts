import { sql } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { reportScope } from "../../lib/reporting/report-scope.ts";
import type { CalpadsInput } from "./export-calpads-wbl.ts";
import { type CalpadsRecord, calpadsRecordsSql, ISSUES } from "./calpads.queries.ts";

/**
 * The records the CALPADS export leaves out, each with the student's name and why (the
 * missing fields), so the district can fix them (a page at a time; the totals count every
 * record). Audited: it names students.
 */
export async function listCalpadsIssues({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CalpadsInput & { page: number; pageSize: number };
}) {
  const scope = await reportScope(ctx, input);
  const { rows } = await ctx.db.execute<CalpadsRecord & { records: number; with_issues: number }>(sql`
    WITH rec AS (${calpadsRecordsSql(scope, input.schoolYear)}),
    counts AS (SELECT count(*)::int AS records, count(*) FILTER (WHERE cardinality(issues) > 0)::int AS with_issues FROM rec)
    SELECT counts.*, bad.* FROM counts LEFT JOIN LATERAL (
      SELECT * FROM rec WHERE cardinality(issues) > 0 ORDER BY school, local_id, code, placement_id
      LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
    ) bad ON true`);
  const { records, with_issues: withIssues } = rows[0] ?? { records: 0, with_issues: 0 };
  const invalid = rows.filter((r) => r.placement_id !== null);
  await audit(ctx.db, ctx.actor, "read", "calpads_wbl_validation", null, {
    schoolYear: input.schoolYear,
    districtId: scope.districtId,
    listed: invalid.length,
  });
  return {
    schoolYear: input.schoolYear,
    rows: invalid.map((r) => ({
      placementId: r.placement_id,
      studentId: r.student_id,
      localId: r.local_id,
      firstName: r.first_name,
      lastName: r.last_name,
      school: r.school,
      kind: r.kind,
      wblTypeCode: r.code,
      reasons: r.issues.map((code) => ({ code, message: ISSUES[code] })),
    })),
    totals: { records, exported: records - withIssues, withIssues },
    page: input.page,
    pageSize: input.pageSize,
  };
}
