import { dummyPasswordHash, verifyPassword } from "@bridgework/db";
import { type LoginInput, type LoginResult, Unauthenticated, say } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { actorFor, loadUserWithOrg, toMe } from "../../lib/auth/actor.ts";
import { beginLoginAttempt, recordLoginSuccess } from "../../lib/auth/login-limits.ts";
import { issueRefreshToken } from "../../lib/auth/refresh-tokens.ts";

const BAD_CREDENTIALS = say("bad-credentials");

/**
 * Checks the password and starts a session. Unknown email and wrong password get the same
 * answer and the same argon2 cost, so the response does not reveal who has an account.
 */
export async function login(
  ctx: Omit<Ctx, "actor">,
  input: LoginInput & { ip: string; userAgent?: string },
  sign: (actor: ReturnType<typeof actorFor>) => string,
): Promise<{ result: Omit<LoginResult, "expiresIn">; refreshToken: string }> {
  const now = ctx.clock.now();
  const email = input.email.toLowerCase();
  await beginLoginAttempt(ctx.db, email, input.ip, now);
  const found = await loadUserWithOrg(ctx.db, { email });
  const hash = found?.user.passwordHash ?? (await dummyPasswordHash());
  const ok = (await verifyPassword(hash, input.password)) && found?.user.status === "active";
  // A wrong password keeps the attempt (recorded by beginLoginAttempt) as a failure.
  if (!ok || !found) throw new Unauthenticated(BAD_CREDENTIALS);
  await recordLoginSuccess(ctx.db, { userId: found.user.id, email, ip: input.ip, now });
  const refreshToken = await issueRefreshToken(ctx.db, { userId: found.user.id, now, userAgent: input.userAgent });
  const actor = actorFor(found);
  return { result: { accessToken: sign(actor), user: toMe(found) }, refreshToken };
}
