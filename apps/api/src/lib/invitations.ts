import { invitations, type Tx, type users } from "@bridgework/db";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, invitationMessage } from "@bridgework/notifications";
import type { Ctx } from "./context.ts";
import type { OrganizationRow } from "./queries/organizations.ts";
import { regionTimeZone } from "./region-time-zone.ts";
import { hashToken } from "./tokens.ts";

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

type UserRow = typeof users.$inferSelect;

/**
 * Records an invitation (only the token's hash) and queues its email with the one-time
 * set-password link, in the caller's transaction: in the invited person's language, the expiry
 * in the region's zone.
 */
export async function sendInvitation(tx: Tx, ctx: Ctx, user: UserRow, org: OrganizationRow, token: string, now: Date) {
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const [invitation] = await tx
    .insert(invitations)
    .values({ userId: user.id, tokenHash: hashToken(token), expiresAt, createdBy: ctx.actor.userId })
    .returning({ id: invitations.id });
  const message = await invitationMessage({
    recipient: { name: user.name, email: user.email, language: user.language },
    timeZone: await regionTimeZone(tx, user.regionId),
    role: user.role,
    organization: org.name,
    link: createLinks(ctx.config.publicUrl).invitation(token),
    expiresAt,
  });
  await queueEmail(tx, {
    dedupeKey: `invitation:${invitation!.id}`,
    regionId: user.regionId,
    to: user.email,
    ...message,
  });
}
