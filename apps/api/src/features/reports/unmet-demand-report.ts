import type { FastifyReply } from "fastify";
import type { Ctx } from "../../lib/context.ts";
import { sendCsv } from "../../lib/reporting/csv-stream.ts";
import { reportScope } from "../../lib/reporting/report-scope.ts";
import type { UnmetDemandQuery, UnmetDemandReport } from "./reports.schemas.ts";
import { unmetDemandSql } from "../../lib/reporting/unmet-demand-sql.ts";

export async function unmetDemandReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: UnmetDemandQuery;
}): Promise<UnmetDemandReport> {
  const scope = await reportScope(ctx, input);
  const { rows } = await ctx.db.execute<UnmetDemandReport["rows"][number]>(unmetDemandSql(scope, input));
  // Every measure here adds up, so the totals are the sums of the rows.
  const totals = { requests: 0, open: 0, expired: 0, studentsWaiting: 0 };
  for (const r of rows) {
    totals.requests += r.requests;
    totals.open += r.open;
    totals.expired += r.expired;
    totals.studentsWaiting += r.studentsWaiting;
  }
  return { rows, totals };
}

export async function unmetDemandCsv({
  ctx,
  input,
  reply,
}: {
  ctx: Ctx;
  input: UnmetDemandQuery;
  reply: FastifyReply;
}) {
  const scope = await reportScope(ctx, input);
  const columns = [
    "sector",
    "kind",
    "level",
    "schoolId",
    "school",
    "requests",
    "open",
    "expired",
    "studentsWaiting",
  ].map((key) => ({ key, header: key }));
  return sendCsv(reply, ctx.db, unmetDemandSql(scope, input), { columns, filename: "unmet-demand.csv" });
}
