import { auditLog, type DbOrTx } from "@bridgework/db";
import type { PersonActor } from "@bridgework/domain";

/** Appends to the audit log inside the caller's transaction. Details never hold secrets. */
export async function audit(
  tx: DbOrTx,
  actor: PersonActor,
  action: string,
  entity: string,
  entityId: string | null,
  details?: Record<string, unknown>,
) {
  await tx
    .insert(auditLog)
    .values({ regionId: actor.regionId, actorUserId: actor.userId, action, entity, entityId, details });
}
