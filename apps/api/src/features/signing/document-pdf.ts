import { documents, placements } from "@bridgework/db";
import { NotFound, requireRole } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { visiblePlacements } from "../../lib/queries/placements.ts";

/** The signed PDF copy (coordinator of the placement's district, intermediary); unsigned or not yours is 404. */
export async function documentPdf({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const [row] = await ctx.db
    .select({ pdf: documents.pdf, kind: documents.kind })
    .from(documents)
    .innerJoin(placements, eq(placements.id, documents.placementId))
    .where(and(eq(documents.id, id), eq(documents.status, "signed"), visiblePlacements(ctx.actor)));
  if (!row?.pdf) throw new NotFound("signed document");
  await audit(ctx.db, ctx.actor, "read", "document", id, { pdf: true });
  return { pdf: row.pdf, filename: `${row.kind.replaceAll("_", "-")}-${id.slice(0, 8)}.pdf` };
}
