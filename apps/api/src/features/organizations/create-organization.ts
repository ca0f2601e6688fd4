import { organizations } from "@bridgework/db";
import {
  type CreateOrganization,
  DEFAULT_ASK_CAP_PER_MONTH,
  requireRole,
  ValidationFailed,
  say,
} from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { toOrganization, uniqueOrganization } from "./organization.queries.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";

/** Intermediary adds an organization to its region. A school must name a district of the region. */
export async function createOrganization({ ctx, input }: { ctx: Ctx; input: CreateOrganization }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  if (input.type === "school") {
    if (!input.parentId) throw new ValidationFailed([{ path: "parentId", text: say("school-needs-district") }]);
    await findOrganizationInRegion(ctx.db, actor.regionId, input.parentId, "district").catch(() => {
      throw new ValidationFailed([{ path: "parentId", text: say("no-such-district") }]);
    });
  } else if (input.parentId) {
    throw new ValidationFailed([{ path: "parentId", text: say("parent-schools-only") }]);
  }
  if (input.type !== "employer" && input.askCapPerMonth != null) {
    throw new ValidationFailed([{ path: "askCapPerMonth", text: say("ask-cap-employers-only") }]);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await uniqueOrganization(
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
          localCode: input.localCode ?? null,
          askCapPerMonth:
            input.type === "employer"
              ? input.askCapPerMonth === undefined
                ? DEFAULT_ASK_CAP_PER_MONTH
                : input.askCapPerMonth
              : null,
          regionAskCapPerMonth:
            input.type === "employer"
              ? (input.askCapPerMonth ?? (input.askCapPerMonth === null ? null : DEFAULT_ASK_CAP_PER_MONTH))
              : null,
        })
        .returning(),
      { name: say("organization-exists", { name: input.name }), localCode: input.localCode },
    );
    await audit(tx, actor, "create", "organization", created!.id);
    return created!;
  });
  return toOrganization(row);
}
