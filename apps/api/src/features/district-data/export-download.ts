import { districtExports } from "@bridgework/db";
import { Conflict, NotFound, say } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { exportableDistrict } from "./export.queries.ts";

/**
 * The finished archive. Not finished yet → 409; expired (the sweep has not run yet) or another
 * district's → 404. Side effect: a `download` audit row (every download, by whom).
 */
export async function downloadDistrictExport({
  ctx,
  districtId,
  exportId,
}: {
  ctx: Ctx;
  districtId: string;
  exportId: string;
}) {
  const actor = ctx.actor;
  const district = await exportableDistrict(ctx.db, actor, districtId);
  const [row] = await ctx.db
    .select({
      status: districtExports.status,
      content: districtExports.content,
      fileName: districtExports.fileName,
      expiresAt: districtExports.expiresAt,
      size: districtExports.size,
    })
    .from(districtExports)
    .where(and(eq(districtExports.id, exportId), eq(districtExports.districtId, district.id)));
  if (!row || (row.expiresAt && row.expiresAt <= ctx.clock.now())) throw new NotFound("resource");
  if (row.status !== "done" || !row.content)
    throw new Conflict("conflict", say("district-export-not-ready"), { exportStatus: row.status });
  await audit(ctx.db, actor, "download", "district_export", exportId, {
    districtId: district.id,
    fileName: row.fileName,
    size: row.size,
  });
  return { fileName: row.fileName ?? "district-export.zip", content: row.content };
}
