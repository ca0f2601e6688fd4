import { requireRole } from "@bridgework/domain";
import { documentTemplates } from "@bridgework/db";
import { asc, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { toTemplate } from "./template.queries.ts";
import { ensureTemplates, type TemplateRow } from "../../lib/paperwork/template-versions.ts";

/** The current version of each form in the caller's region (intermediary, coordinator). */
export async function listTemplates({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["intermediary", "coordinator"]);
  await ensureTemplates(ctx.db, ctx.actor.regionId);
  const rows = await ctx.db
    .select()
    .from(documentTemplates)
    .where(eq(documentTemplates.regionId, ctx.actor.regionId))
    .orderBy(asc(documentTemplates.kind), desc(documentTemplates.version));
  const current = new Map<string, TemplateRow>();
  for (const row of rows) if (!current.has(row.kind)) current.set(row.kind, row);
  return { items: [...current.values()].map(toTemplate) };
}
