import { organizations } from "@bridgework/db";
import { type CreateOrganization, DEFAULT_ASK_CAP_PER_MONTH, requireRole, ValidationFailed } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion, toOrganization } from "./organization.queries.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";

/** Intermediary adds an organization to its region. A school must name a district of the region. */
export async function createOrganization({ ctx, input }: { ctx: Ctx; input: CreateOrganization }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  if (input.type === "school") {
    if (!input.parentId) throw new ValidationFailed([{ path: "parentId", message: "A school needs its district" }]);
    await findOrganizationInRegion(ctx.db, actor.regionId, input.parentId, "district").catch(() => {
      throw new ValidationFailed([{ path: "parentId", message: "No such district in your region" }]);
    });
  } else if (input.parentId) {
    throw new ValidationFailed([{ path: "parentId", message: "Only schools have a parent district" }]);
  }
  if (input.type !== "employer" && input.askCapPerMonth != null) {
    throw new ValidationFailed([{ path: "askCapPerMonth", message: "Only employers have an ask cap" }]);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await uniqueOrDuplicate(
      tx
        .insert(organizations)
        .values({
          regionId: actor.regionId,
          type: input.type,
          name: input.name,
          parentId: input.parentId ?? null,
          sectors: input.sectors,
          city: input.address.city,
          postalCode: input.address.postalCode,
          askCapPerMonth: input.type === "employer" ? (input.askCapPerMonth === undefined ? DEFAULT_ASK_CAP_PER_MONTH : input.askCapPerMonth) : null,
        })
        .returning(),
      `An organization of this type named "${input.name}" already exists in your region.`,
    );
    await audit(tx, actor, "create", "organization", created!.id);
    return created!;
  });
  return toOrganization(row);
}
