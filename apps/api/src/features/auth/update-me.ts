import { users } from "@bridgework/db";
import { NotFound, type UpdateMe } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { loadUserWithOrg, toMe } from "../../lib/auth/actor.ts";

/**
 * Changes the caller's own name and/or language (the language of their emails and of the web app
 * after login). Any signed-in person may; nobody changes someone else's. Side effect: an audit
 * row with the old and new values.
 */
export async function updateMe({ ctx, input }: { ctx: Ctx; input: UpdateMe }) {
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: users.name, language: users.language })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!before) throw new NotFound("user");
    await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.clock.now() })
      .where(eq(users.id, actor.userId));
    const changed = Object.fromEntries(
      Object.entries(input).map(([field, value]) => [field, { from: before[field as keyof typeof before], to: value }]),
    );
    await audit(tx, actor, "update", "user", actor.userId, changed);
    return toMe((await loadUserWithOrg(tx, { id: actor.userId }))!);
  });
}
