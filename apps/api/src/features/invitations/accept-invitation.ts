import { hashPassword, invitations, users } from "@bridgework/db";
import { type AcceptInvitationInput, LinkExpired } from "@bridgework/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { usableInvitation } from "./invitation.queries.ts";
import { loadUserWithOrg, toMe } from "../../lib/auth/actor.ts";

/** Sets the password and activates the account. The link works once, even under concurrent use. */
export async function acceptInvitation(ctx: Omit<Ctx, "actor">, token: string, input: AcceptInvitationInput) {
  const now = ctx.clock.now();
  const invitation = await usableInvitation(ctx.db, token, now);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new LinkExpired();
    await tx
      .update(users)
      .set({ passwordHash, status: "active", ...(input.name ? { name: input.name } : {}) })
      .where(eq(users.id, invitation.userId));
    const found = await loadUserWithOrg(tx, { id: invitation.userId });
    return toMe(found!);
  });
}

export async function showInvitation(ctx: Omit<Ctx, "actor">, token: string) {
  const invitation = await usableInvitation(ctx.db, token, ctx.clock.now());
  const found = await loadUserWithOrg(ctx.db, { id: invitation.userId });
  if (!found) throw new LinkExpired();
  return {
    email: found.user.email,
    name: found.user.name,
    organizationName: found.organization.name,
    role: found.user.role,
  };
}
