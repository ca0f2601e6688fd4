import { auditLog, type DbOrTx } from "@bridgework/db";
import type { SignInError } from "@bridgework/domain";

/** A refused sign-in: the browser goes back to the login page, which words `reason` in its language. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInError,
    readonly facts: { providerId?: string; regionId?: string; email?: string; userId?: string; cause?: string } = {},
  ) {
    super(`sign-in refused: ${reason}${facts.cause ? ` (${facts.cause})` : ""}`);
  }
}

/** Where a refusal sends the browser. */
export const refusalLocation = (reason: SignInError) => `/login?signInError=${reason}`;

/**
 * Records a refusal in the audit log, in the provider's region when it is known, so the region's
 * intermediary sees who was turned away and why (a wrong domain, no account, a tampered link).
 */
export async function auditRefusal(db: DbOrTx, refusal: SignInRefused) {
  const { providerId, regionId, email, userId, cause } = refusal.facts;
  await db.insert(auditLog).values({
    regionId: regionId ?? null,
    actorUserId: userId ?? null,
    action: "sign-in-refused",
    entity: "identity_provider",
    entityId: providerId ?? null,
    details: { reason: refusal.reason, ...(email ? { email } : {}), ...(cause ? { cause } : {}) },
  });
}
