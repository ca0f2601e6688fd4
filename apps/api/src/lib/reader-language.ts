import { type Db, users } from "@bridgework/db";
import { type GuardianLanguage, pickLanguage } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../plugins/auth.ts";

/**
 * The language a signed-in person reads the app in: their saved `users.language` (migration
 * 0014), else what the browser asks for (`Accept-Language`). Read per request, not from the
 * access token, so a change on the profile shows at once.
 */
export async function readerLanguage(db: Db, req: FastifyRequest): Promise<GuardianLanguage> {
  const [row] = await db
    .select({ language: users.language })
    .from(users)
    .where(eq(users.id, requireActor(req).userId));
  return row?.language ?? pickLanguage(req.headers["accept-language"]);
}
