import { organizations } from "@bridgework/db";
import { requireRole, type UpdateOrganization, ValidationFailed, say } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { toOrganization, uniqueOrganization } from "./organization.queries.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";

/** Intermediary edits an organization of its region, including an employer's monthly ask cap. */
export async function updateOrganization({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateOrganization }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const existing = await findOrganizationInRegion(ctx.db, actor.regionId, id);
  if (input.askCapPerMonth !== undefined && existing.type !== "employer") {
    throw new ValidationFailed([{ path: "askCapPerMonth", text: say("ask-cap-employers-only") }]);
  }
  // An empty PATCH changes nothing (and an UPDATE with no columns is an SQL error, not a 500 to show).
  if (Object.values(input).every((v) => v === undefined)) return toOrganization(existing);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await uniqueOrganization(
      tx
        .update(organizations)
        .set({
          name: input.name,
          sectors: input.sectors,
          city: input.address?.city,
          postalCode: input.address?.postalCode,
          localCode: input.localCode,
          askCapPerMonth: input.askCapPerMonth,
          // The intermediary's value is also the ceiling an employer's own (lower) cap stays under.
          regionAskCapPerMonth: input.askCapPerMonth,
        })
        .where(eq(organizations.id, id))
        .returning(),
      { name: say("organization-name-taken"), localCode: input.localCode },
    );
    await audit(tx, actor, "update", "organization", id, { fields: Object.keys(input) });
    return updated!;
  });
  return toOrganization(row);
}
