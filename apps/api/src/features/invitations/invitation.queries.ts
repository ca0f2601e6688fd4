import { type DbOrTx, invitations } from "@bridgework/db";
import { LinkExpired } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { hashToken } from "../../lib/tokens.ts";

/** The invitation behind a link, if it can still be used at `now`; 410 otherwise. */
export async function usableInvitation(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= now) throw new LinkExpired();
  return row;
}
