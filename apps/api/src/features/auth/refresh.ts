import { refreshTokens } from "@bridgework/db";
import { type LoginResult, Unauthenticated, say } from "@bridgework/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { hashToken } from "../../lib/tokens.ts";
import { actorFor, loadUserWithOrg, toMe } from "../../lib/auth/actor.ts";
import { issueRefreshToken, revokeFamily } from "../../lib/auth/refresh-tokens.ts";

/**
 * Rotates the refresh token. A token can be used once, with no grace period: presenting a
 * used one means it was stolen or replayed, so the whole session (family) is revoked.
 */
export async function refreshSession(
  ctx: Omit<Ctx, "actor">,
  token: string | undefined,
  sign: (actor: ReturnType<typeof actorFor>) => string,
  userAgent?: string,
): Promise<{ result: Omit<LoginResult, "expiresIn">; refreshToken: string }> {
  if (!token) throw new Unauthenticated(say("session-ended"));
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashToken(token)));
    if (!row || row.revokedAt || row.expiresAt <= now) return null;
    // The conditional update is the race guard: of two concurrent uses, one wins, one is reuse.
    const claimed = await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    if (claimed.length === 0) {
      await revokeFamily(tx, row.familyId, now);
      return "reused" as const;
    }
    const found = await loadUserWithOrg(tx, { id: row.userId });
    if (!found || found.user.status !== "active") return null;
    const next = await issueRefreshToken(tx, {
      userId: row.userId,
      now,
      familyId: row.familyId,
      parentId: row.id,
      userAgent,
    });
    return { found, next };
  });
  if (outcome === "reused") {
    ctx.log.warn("refresh token reuse detected; session revoked");
    throw new Unauthenticated(say("session-revoked"));
  }
  if (!outcome) throw new Unauthenticated(say("session-ended"));
  return {
    result: { accessToken: sign(actorFor(outcome.found)), user: toMe(outcome.found) },
    refreshToken: outcome.next,
  };
}

export async function logout(ctx: Omit<Ctx, "actor">, token: string | undefined) {
  if (!token) return;
  const [row] = await ctx.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)));
  if (row) await revokeFamily(ctx.db, row.familyId, ctx.clock.now());
}
