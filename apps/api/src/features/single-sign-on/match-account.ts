import { auditLog, type DbOrTx, invitations, organizations, users } from "@bridgework/db";
import { and, eq, isNull } from "drizzle-orm";
import { loadUserWithOrg, type UserWithOrg } from "../../lib/auth/actor.ts";
import type { ProviderRow } from "./provider.queries.ts";
import { SignInRefused } from "./sign-in-refusal.ts";

/** Whether the provider may sign this person in: same region, and within its organization (or a school under it) when it has one. */
function withinProvider(found: UserWithOrg, provider: ProviderRow) {
  if (found.user.regionId !== provider.regionId) return false;
  const scope = provider.organizationId;
  return !scope || found.organization.id === scope || found.organization.parentId === scope;
}

/**
 * The account a verified email signs in to: an active one, or an invited one (the sign-in accepts
 * the invitation: active, its links used), or — when the provider creates accounts — a new one with
 * the least-privileged staff role of the provider's account organization (a school's teacher, an
 * employer's staff). Disabled accounts and accounts outside the provider's reach are refused
 * exactly like no account at all.
 */
export async function matchAccount(
  tx: DbOrTx,
  input: { provider: ProviderRow; email: string; name: string | null; now: Date },
) {
  const { provider, email, now } = input;
  const refused = () =>
    new SignInRefused("no-account", { providerId: provider.id, regionId: provider.regionId, email });
  const found = await loadUserWithOrg(tx, { email });
  if (found) {
    if (found.user.status === "disabled" || !withinProvider(found, provider)) throw refused();
    if (found.user.status === "invited") {
      await tx.update(users).set({ status: "active", updatedAt: now }).where(eq(users.id, found.user.id));
      await tx
        .update(invitations)
        .set({ usedAt: now })
        .where(and(eq(invitations.userId, found.user.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
      return { user: found.user, event: "invitation-accepted" as const };
    }
    return { user: found.user, event: "existing" as const };
  }
  if (!provider.createAccounts || !provider.accountOrganizationId) throw refused();
  const [org] = await tx
    .select({ id: organizations.id, type: organizations.type })
    .from(organizations)
    .where(and(eq(organizations.id, provider.accountOrganizationId), eq(organizations.regionId, provider.regionId)));
  const role = org?.type === "school" ? "teacher" : org?.type === "employer" ? "employer" : null;
  if (!org || !role) throw refused();
  const [created] = await tx
    .insert(users)
    .values({
      regionId: provider.regionId,
      organizationId: org.id,
      email,
      name: input.name?.trim().slice(0, 200) || email.split("@")[0]!,
      role,
      status: "active",
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  // Two first sign-ins of one person at once: the other one made the account.
  if (!created) throw refused();
  await tx.insert(auditLog).values({
    regionId: provider.regionId,
    actorUserId: created.id,
    action: "create",
    entity: "user",
    entityId: created.id,
    details: { role, organizationId: org.id, via: "identity_provider", providerId: provider.id },
  });
  return { user: created, event: "account-created" as const };
}
