import { regions } from "@bridgework/db";
import { NotFound } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { toRegion } from "./region.queries.ts";

/** The caller's own region: every signed-in person reads its name and time zone. */
export async function getRegion({ ctx }: { ctx: Ctx }) {
  const [row] = await ctx.db.select().from(regions).where(eq(regions.id, ctx.actor.regionId));
  if (!row) throw new NotFound("region");
  return toRegion(row);
}
