import { randomUUID } from "node:crypto";
import { type DbOrTx, refreshTokens } from "@bridgework/db";
import { and, eq, isNull } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import { hashToken, newToken } from "../tokens.ts";

export const REFRESH_COOKIE = "bw_refresh";
export const REFRESH_TTL_MS = 14 * 24 * 3600_000;

/** Issues a refresh token; `familyId` continues a session, absent starts a new one. */
export async function issueRefreshToken(
  tx: DbOrTx,
  input: { userId: string; now: Date; familyId?: string; parentId?: string; userAgent?: string },
): Promise<string> {
  const token = newToken();
  await tx.insert(refreshTokens).values({
    userId: input.userId,
    familyId: input.familyId ?? randomUUID(),
    parentId: input.parentId ?? null,
    tokenHash: hashToken(token),
    expiresAt: new Date(input.now.getTime() + REFRESH_TTL_MS),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function revokeFamily(tx: DbOrTx, familyId: string, now: Date) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export function setRefreshCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/api/auth",
    maxAge: REFRESH_TTL_MS / 1000,
  });
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: "strict", secure, path: "/api/auth" });
}
