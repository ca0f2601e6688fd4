import { type Db, users } from "@bridgework/db";
import { type GuardianLanguage, pickLanguage } from "@bridgework/domain";
import { eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../plugins/auth.ts";
import { preparedPerDb } from "./queries/prepared.ts";

/**
 * The language a signed-in person reads the app in: their saved `users.language` (migration
 * 0014), else what the browser asks for (`Accept-Language`). Read per request, not from the
 * access token, so a change on the profile shows at once.
 */
export async function readerLanguage(db: Db, req: FastifyRequest): Promise<GuardianLanguage> {
  const [row] = await savedLanguage(db).execute({ userId: requireActor(req).userId });
  return row?.language ?? pickLanguage(req.headers["accept-language"]);
}

const savedLanguage = preparedPerDb((db) =>
  db
    .select({ language: users.language })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("reader_language"),
);
