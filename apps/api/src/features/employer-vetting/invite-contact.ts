import { type Tx, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { sendInvitation } from "../../lib/invitations.ts";
import type { OrganizationRow } from "../../lib/queries/organizations.ts";
import { newToken } from "../../lib/tokens.ts";
import type { InterestRow } from "./employer-vetting.queries.ts";

/**
 * Invites a submission's contact as an employer user of `org` (set-password link by email, in
 * the company's language). An address that already has an account anywhere is not invited
 * again (addresses are unique): returns false, and the person keeps the account they have.
 */
export async function inviteContact(tx: Tx, ctx: Ctx, row: InterestRow, org: OrganizationRow, now: Date) {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, row.contactEmail.toLowerCase()));
  if (taken) return false;
  const [user] = await tx
    .insert(users)
    .values({
      regionId: org.regionId,
      organizationId: org.id,
      email: row.contactEmail.toLowerCase(),
      name: row.contactName,
      role: "employer",
      language: row.language,
      status: "invited",
    })
    .onConflictDoNothing()
    .returning();
  if (!user) return false;
  await sendInvitation(tx, ctx, user, org, newToken(), now);
  await audit(tx, ctx.actor, "invite", "user", user.id, { role: "employer", organizationId: org.id });
  return true;
}
