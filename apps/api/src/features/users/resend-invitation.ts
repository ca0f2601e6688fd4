import { invitations, organizations, users } from "@bridgework/db";
import { Conflict, NotFound, requireRole, say } from "@bridgework/domain";
import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { newToken } from "../../lib/tokens.ts";
import { sendInvitation } from "../../lib/invitations.ts";
import { assertMayInvite } from "./invite-user.ts";
import { toUser, visibleUsers } from "./user.queries.ts";

/**
 * A fresh invitation for someone who has not set a password yet (the first link expired or got
 * lost): earlier links stop working, a new one-time link goes out by email. Whoever may invite
 * the person may resend; 404 for someone the caller cannot see, 409 once the account is set up.
 */
export async function resendInvitation({ ctx, userId }: { ctx: Ctx; userId: string }) {
  requireRole(ctx.actor, ["intermediary", "coordinator", "employer"]);
  const actor = ctx.actor;
  const [found] = await ctx.db
    .select()
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, userId), visibleUsers(actor)));
  if (!found) throw new NotFound("user");
  assertMayInvite(actor, { role: found.users.role }, found.organizations);
  const token = newToken();
  const now = ctx.clock.now();
  const user = await ctx.db.transaction(async (tx) => {
    // The row lock makes two resends at once send one email each, in turn, each revoking the other's link.
    const [locked] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (locked!.status !== "invited")
      throw new Conflict("invalid-transition", say("invitation-not-needed", { name: locked!.name }));
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    await sendInvitation(tx, ctx, locked!, found.organizations, token, now);
    await audit(tx, actor, "resend_invitation", "user", userId, {});
    return locked!;
  });
  ctx.kick();
  return toUser(user);
}
