import { sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { Ctx } from "../../lib/context.ts";
import { REPORT_WORK_MEM, sendCsv } from "../../lib/reporting/csv-stream.ts";
import { placementScope } from "../../lib/reporting/report-scope.ts";
import type { PlacementReport, PlacementReportQuery } from "./reports.schemas.ts";
import { outputColumns, placementReportSql } from "../../lib/reporting/placement-report-sql.ts";

type Row = Record<string, unknown> & { isTotal: boolean };
const EMPTY = { experiences: 0, students: 0, seats: 0, hours: 0, employers: 0, newEmployers: 0 };

/**
 * Placement totals for intermediaries (region) and coordinators (own district), grouped by any
 * combination of dimensions, with exact totals. Reads only aggregates.
 */
export async function placementReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PlacementReportQuery;
}): Promise<PlacementReport> {
  const scope = await placementScope(ctx, input);
  const dims = input.groupBy ?? [];
  const query = placementReportSql(scope, { from: input.from, to: input.to }, dims, true);
  const result = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`));
    return tx.execute<Row>(query);
  });
  const total = result.rows.find((r) => r.isTotal);
  const rows = (dims.length === 0 ? result.rows : result.rows.filter((r) => !r.isTotal)).map(
    ({ isTotal: _omit, ...row }) => row,
  );
  const { isTotal: _t, ...totals } = total ?? { ...EMPTY, isTotal: true };
  return { groupBy: dims, rows: rows as PlacementReport["rows"], totals: totals as PlacementReport["totals"] };
}

/** The same rows as CSV, streamed (no totals line: distinct counts do not add up). */
export async function placementReportCsv({
  ctx,
  input,
  reply,
}: {
  ctx: Ctx;
  input: PlacementReportQuery;
  reply: FastifyReply;
}) {
  const scope = await placementScope(ctx, input);
  const dims = input.groupBy ?? [];
  const query = placementReportSql(scope, { from: input.from, to: input.to }, dims, false);
  const range = [input.from, input.to].filter(Boolean).join("_to_");
  return sendCsv(reply, ctx.db, query, {
    columns: outputColumns(dims),
    filename: `placements${dims.length ? `-by-${dims.join("-")}` : ""}${range ? `-${range}` : ""}.csv`,
  });
}
