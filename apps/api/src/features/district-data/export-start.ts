import { districtExports } from "@bridgework/db";
import type { DistrictExport } from "@bridgework/domain";
import { enqueueOutbox } from "@bridgework/jobs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { exportableDistrict, findExport } from "./export.queries.ts";

/**
 * Starts exporting everything about a district's students (a `district-export` job builds the
 * ZIP). One export at a time per district: while one is queued or running, asking again answers
 * that one instead of building the same archive twice. Side effects: the export row, its job (an
 * outbox row) and an `export_start` audit row, in one transaction. `created` says which.
 */
export async function startDistrictExport({
  ctx,
  districtId,
}: {
  ctx: Ctx;
  districtId: string;
}): Promise<{ created: boolean; export: DistrictExport }> {
  const actor = ctx.actor;
  const district = await exportableDistrict(ctx.db, actor, districtId);
  const result = await ctx.db.transaction(async (tx) => {
    // Serializes two clicks (or two coordinators) on the same district: the second sees the first's row.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`district-export:${district.id}`}))`);
    const [live] = await tx
      .select({ id: districtExports.id })
      .from(districtExports)
      .where(and(eq(districtExports.districtId, district.id), inArray(districtExports.status, ["queued", "running"])))
      .limit(1);
    if (live) return { created: false, id: live.id };
    const [row] = await tx
      .insert(districtExports)
      .values({
        regionId: actor.regionId,
        districtId: district.id,
        requestedBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: districtExports.id });
    await enqueueOutbox(tx, "district-export", { exportId: row!.id });
    await audit(tx, actor, "export_start", "district_export", row!.id, { districtId: district.id });
    return { created: true, id: row!.id };
  });
  if (result.created) ctx.kick();
  return { created: result.created, export: await findExport(ctx.db, district.id, result.id) };
}
