import { users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import {
  Conflict,
  type CreateUser,
  Forbidden,
  type PersonActor,
  ROLE_ORGANIZATION_TYPE,
  requireRole,
  ValidationFailed,
  say,
} from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import { newToken } from "../../lib/tokens.ts";
import { findOrganizationInRegion, type OrganizationRow } from "../../lib/queries/organizations.ts";
import { sendInvitation } from "../../lib/invitations.ts";
import { toUser } from "./user.queries.ts";

/** Coordinators invite teachers of their own district's schools; employers invite colleagues. */
export function assertMayInvite(actor: PersonActor, input: Pick<CreateUser, "role">, org: OrganizationRow) {
  if (actor.role === "coordinator" && (input.role !== "teacher" || org.parentId !== actor.organizationId)) {
    throw new Forbidden(say("invite-own-district-teachers"));
  }
  if (actor.role === "employer" && (input.role !== "employer" || org.id !== actor.organizationId)) {
    throw new Forbidden(say("invite-own-organization"));
  }
}

/**
 * An address already in use answers the same whether its account is in the inviter's region or
 * in another one (status, body, and the same path through the code, so the same time): an
 * invitation must not tell a region who has an account elsewhere. Same-region people are in the
 * inviter's list anyway, and the message sends them there.
 */
const notInvitable = () =>
  new Conflict("duplicate", say("address-not-invitable"), {}, [
    { path: "email", text: say("address-not-invitable-field") },
  ]);

/**
 * Creates an invited user and emails a one-time set-password link (PUBLIC_URL/invite/<token>,
 * 7 days). Side effect: one email through the outbox.
 */
export async function inviteUser({ ctx, input }: { ctx: Ctx; input: CreateUser }) {
  requireRole(ctx.actor, ["intermediary", "coordinator", "employer"]);
  const actor = ctx.actor;
  const org = await findOrganizationInRegion(ctx.db, actor.regionId, input.organizationId);
  assertMayInvite(actor, input, org);
  if (ROLE_ORGANIZATION_TYPE[input.role] !== org.type) {
    throw new ValidationFailed([
      {
        path: "role",
        text: say("role-organization-mismatch", {
          role: input.role,
          expected: ROLE_ORGANIZATION_TYPE[input.role],
          actual: org.type,
        }),
      },
    ]);
  }
  const token = newToken();
  const now = ctx.clock.now();
  const user = await ctx.db.transaction(async (tx) => {
    // Deliberately not scoped to the region: addresses are unique across regions. The insert's
    // unique index still settles a race, with the same answer.
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw notInvitable();
    const [created] = await tx
      .insert(users)
      .values({
        regionId: actor.regionId,
        organizationId: org.id,
        email: input.email,
        name: input.name,
        role: input.role,
        language: input.language,
        status: "invited",
      })
      .returning()
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? notInvitable() : error;
      });
    await sendInvitation(tx, ctx, created!, org, token, now);
    await audit(tx, actor, "invite", "user", created!.id, { role: input.role, organizationId: org.id });
    return created!;
  });
  ctx.kick();
  return toUser(user);
}
