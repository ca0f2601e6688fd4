import { type DbOrTx, hashPassword, passwordResets, refreshTokens, users, auditLog } from "@bridgework/db";
import { LinkExpired, type PasswordResetInput, RateLimited, say } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, passwordResetMessage } from "@bridgework/notifications";
import { and, count, eq, gt, isNull, min } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";

export const RESET_TTL_MS = 3600_000;
/** Requests per address and per IP; refused requests are not counted. */
export const RESET_EMAIL_LIMIT = { requests: 3, windowMs: 15 * 60_000 };
export const RESET_IP_LIMIT = { requests: 20, windowMs: 15 * 60_000 };

const expired = () => new LinkExpired(say("password-reset-link-expired"));

/**
 * Records the request, counted per address and per IP (429 with Retry-After past the limit,
 * the same whether the account exists). Only an active account gets an email: a one-time link
 * for an hour, in the person's language; earlier open links of theirs stop working. The caller
 * answers the same in every case, so the answer does not reveal who has an account: once the
 * request is within the limits, looking the address up and writing the email happen after the
 * answer (`sending`, which never rejects), so the answer's timing does not tell either.
 */
export async function requestPasswordReset(
  ctx: Omit<Ctx, "actor">,
  input: { email: string; ip: string },
): Promise<{ sending: Promise<void> }> {
  const now = ctx.clock.now();
  const email = input.email.toLowerCase();
  // Written down before counting, outside a transaction, so requests in flight count too (a
  // parallel burst gets no more than the limit through); a refused request is removed again.
  const [request] = await ctx.db
    .insert(passwordResets)
    .values({ email, ip: input.ip, createdAt: now })
    .returning({ id: passwordResets.id });
  try {
    await enforceLimits(ctx.db, email, input.ip, now);
  } catch (error) {
    await ctx.db.delete(passwordResets).where(eq(passwordResets.id, request!.id));
    throw error;
  }
  const sending = emailResetLink(ctx, email, request!.id, input.ip, now).catch((error: unknown) =>
    ctx.log.error({ err: error }, "password reset email failed"),
  );
  return { sending };
}

async function emailResetLink(ctx: Omit<Ctx, "actor">, email: string, requestId: string, ip: string, now: Date) {
  const sent = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user || user.status !== "active") return false;
    const token = newToken();
    const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
    await tx
      .update(passwordResets)
      .set({ revokedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
    await tx
      .update(passwordResets)
      .set({ userId: user.id, tokenHash: hashToken(token), expiresAt })
      .where(eq(passwordResets.id, requestId));
    const message = await passwordResetMessage({
      recipient: { name: user.name, email: user.email, language: user.language },
      timeZone: await regionTimeZone(tx, user.regionId),
      link: createLinks(ctx.config.publicUrl).passwordReset(token),
      expiresAt,
    });
    await queueEmail(tx, {
      dedupeKey: `password-reset:${requestId}`,
      regionId: user.regionId,
      to: user.email,
      ...message,
    });
    await tx.insert(auditLog).values({
      regionId: user.regionId,
      actorUserId: null,
      action: "password_reset_requested",
      entity: "user",
      entityId: user.id,
      details: { ip },
    });
    return true;
  });
  if (sent) ctx.kick();
}

/** Throws RateLimited past either limit; `n` includes this request. */
async function enforceLimits(tx: DbOrTx, email: string, ip: string, now: Date) {
  for (const [column, value, limit] of [
    [passwordResets.email, email, RESET_EMAIL_LIMIT],
    [passwordResets.ip, ip, RESET_IP_LIMIT],
  ] as const) {
    const since = new Date(now.getTime() - limit.windowMs);
    const [row] = await tx
      .select({ n: count(), oldest: min(passwordResets.createdAt) })
      .from(passwordResets)
      .where(and(eq(column, value), gt(passwordResets.createdAt, since)));
    if (row && row.n > limit.requests && row.oldest) {
      const retryMs = row.oldest.getTime() + limit.windowMs - now.getTime();
      throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)));
    }
  }
}

/** The reset behind a link if it can still be used at `now`; 410 otherwise. */
async function usableReset(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (
    !row ||
    row.reset.usedAt ||
    row.reset.revokedAt ||
    !row.reset.expiresAt ||
    row.reset.expiresAt <= now ||
    row.user.status !== "active"
  )
    throw expired();
  return row;
}

/** Whose password a link resets (does not use it). */
export async function showPasswordReset(ctx: Omit<Ctx, "actor">, token: string) {
  const { user } = await usableReset(ctx.db, token, ctx.clock.now());
  return { email: user.email };
}

/**
 * Sets the new password; the link works once, even under concurrent use. Every session of the
 * person ends (all refresh tokens revoked), other open reset links too; audit-logged.
 */
export async function resetPassword(
  ctx: Omit<Ctx, "actor">,
  token: string,
  input: PasswordResetInput & { ip: string },
) {
  const now = ctx.clock.now();
  const { reset, user } = await usableReset(ctx.db, token, now);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)))
      .returning({ id: passwordResets.id });
    if (claimed.length === 0) throw expired();
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const sessions = await tx
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.userId, user.id), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    await tx
      .update(passwordResets)
      .set({ revokedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
    await tx.insert(auditLog).values({
      regionId: user.regionId,
      actorUserId: user.id,
      action: "password_reset",
      entity: "user",
      entityId: user.id,
      details: { ip: input.ip, refreshTokensRevoked: sessions.length },
    });
  });
}
