import { CODES_WITH_EXTERNAL_HOURS, evaluationCode, internshipId, type WblTypeCode } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { sendCsv } from "../../lib/reporting/csv-stream.ts";
import { reportScope } from "../../lib/reporting/report-scope.ts";
import { type CalpadsRecord, calpadsRecordsSql } from "./calpads.queries.ts";

/** CALPADS WBLR fields, in file order. */
export const CALPADS_COLUMNS = [
  { key: "academicYear", header: "Academic Year ID" },
  { key: "ssid", header: "SSID" },
  { key: "localId", header: "Local Student ID" },
  { key: "school", header: "School Name" },
  { key: "code", header: "Work-Based Learning Type Code" },
  { key: "internshipId", header: "Internship ID" },
  { key: "hours", header: "WBL Hours - External" },
  { key: "stateCourseCode", header: "State Course Code" },
  { key: "evaluation", header: "Internship Employer Performance Evaluation Code" },
  { key: "leaSponsored", header: "LEA-Sponsored Indicator" },
  { key: "supervised", header: "Certified-Supervised Indicator" },
];

export interface CalpadsInput {
  schoolYear: string;
  districtId?: string;
  schoolId?: string;
}

/**
 * One WBLR line from a valid record. Internship ID and the evaluation code belong to
 * internships (10) only, hours to 10/15/20. Every placement is arranged by the district or
 * the region's intermediary, so LEA-sponsored is always Y; certified-supervised is Y when a
 * worksite supervisor is recorded.
 */
export function calpadsLine(schoolYear: string) {
  return (row: Record<string, unknown>) => {
    const r = row as unknown as CalpadsRecord;
    const internship = r.code === "10";
    return {
      academicYear: schoolYear,
      ssid: r.ssid,
      localId: r.local_id,
      school: r.school,
      code: r.code,
      internshipId: internship ? internshipId(r.placement_id) : "",
      hours: CODES_WITH_EXTERNAL_HOURS.includes(r.code as WblTypeCode) ? Math.round(r.hours * 100) / 100 : "",
      stateCourseCode: r.state_course_code ?? "",
      evaluation: internship ? evaluationCode(r.evaluation_given) : "",
      leaSponsored: "Y",
      supervised: r.supervised ? "Y" : "N",
    };
  };
}

/**
 * Streams the school year's valid WBLR records as CSV; records missing a required field are
 * left out and counted in `X-Validation-Issues` (listed by the validation endpoint). Student
 * data leaves the system here, so the export is audited.
 */
export async function exportCalpadsWbl({ ctx, input, reply }: { ctx: Ctx; input: CalpadsInput; reply: FastifyReply }) {
  const scope = await reportScope(ctx, input);
  await audit(ctx.db, ctx.actor, "export", "calpads_wbl", null, {
    schoolYear: input.schoolYear,
    districtId: scope.districtId,
    schoolId: scope.schoolId,
  });
  // One pass over the records: the window counts (over every record) ride on each exported row,
  // so the header is known from the first batch without computing the records twice.
  const records = calpadsRecordsSql(scope, input.schoolYear);
  const query = sql`
    SELECT * FROM (
      SELECT r.*, count(*) OVER ()::int AS records, count(*) FILTER (WHERE cardinality(r.issues) > 0) OVER ()::int AS with_issues
      FROM (${records}) r
    ) w WHERE cardinality(w.issues) = 0
    ORDER BY w.school, w.local_id, w.code, w.placement_id`;
  // Only when nothing is valid does no row carry the counts; count them then.
  const counts = async (first: Record<string, unknown> | null) =>
    first ??
    (
      await ctx.db.execute<{ records: number; with_issues: number }>(
        sql`SELECT count(*)::int AS records, count(*)::int AS with_issues FROM (${records}) r`,
      )
    ).rows[0]!;
  return sendCsv(reply, ctx.db, query, {
    columns: CALPADS_COLUMNS,
    filename: `calpads-wbl-${input.schoolYear}.csv`,
    map: calpadsLine(input.schoolYear),
    headers: async (first) => {
      const { records: total, with_issues: issues } = await counts(first);
      return { "x-validation-issues": String(issues), "x-records": String(Number(total) - Number(issues)) };
    },
  });
}
