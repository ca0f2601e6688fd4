import { eventRoles, eventVolunteers, type Tx } from "@bridgework/db";
import { Conflict, type EventRole, type EventRoleInput, NotFound, requireRole, say } from "@bridgework/domain";
import { and, count, eq, max } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";
import { roleValues } from "./create-event.ts";
import { requireEditable } from "./event-problems.ts";
import { fillCounts, toRole } from "./event-view.ts";

/** The role of the event, locked so its confirmed count cannot change under the caller. */
export async function lockRole(tx: Tx, eventId: string, roleId: string) {
  const [role] = await tx
    .select()
    .from(eventRoles)
    .where(and(eq(eventRoles.id, roleId), eq(eventRoles.eventId, eventId)))
    .for("update");
  if (!role) throw new NotFound("volunteer role");
  return role;
}

export async function confirmedCount(tx: Tx, roleId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(eventVolunteers)
    .where(and(eq(eventVolunteers.roleId, roleId), eq(eventVolunteers.status, "confirmed")));
  return row?.n ?? 0;
}

async function roleAnswer(tx: Tx, row: typeof eventRoles.$inferSelect): Promise<EventRole> {
  return toRole(row, (await fillCounts(tx, [row.eventId])).get(row.id));
}

/** Adds a role's shift at the end of the event's list. */
export async function addRole({ ctx, eventId, input }: { ctx: Ctx; eventId: string; input: EventRoleInput }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId, true);
    requireEditable(event.status);
    const [last] = await tx
      .select({ position: max(eventRoles.position) })
      .from(eventRoles)
      .where(eq(eventRoles.eventId, eventId));
    const [row] = await tx
      .insert(eventRoles)
      .values(roleValues(eventId, input, (last?.position ?? -1) + 1))
      .returning();
    await audit(tx, actor, "create", "event_role", row!.id, { eventId, name: input.name, needed: input.needed });
    return roleAnswer(tx, row!);
  });
}

/** Replaces a role's fields; `needed` never below the volunteers already confirmed (409). */
export async function updateRole({
  ctx,
  eventId,
  roleId,
  input,
}: {
  ctx: Ctx;
  eventId: string;
  roleId: string;
  input: EventRoleInput;
}) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    requireEditable(event.status);
    const role = await lockRole(tx, eventId, roleId);
    const confirmed = await confirmedCount(tx, roleId);
    if (input.needed < confirmed)
      throw new Conflict("conflict", say("event-needed-below-confirmed", { confirmed }), { confirmed }, [
        { path: "needed", text: say("event-needed-below-confirmed-field", { confirmed }) },
      ]);
    const { eventId: _same, position: _kept, ...fields } = roleValues(eventId, input, role.position);
    const [row] = await tx.update(eventRoles).set(fields).where(eq(eventRoles.id, roleId)).returning();
    await audit(tx, actor, "update", "event_role", roleId, {
      eventId,
      needed: { from: role.needed, to: input.needed },
    });
    return roleAnswer(tx, row!);
  });
}

/** Removes a role nobody is confirmed in (409 otherwise); its waiting list goes with it. */
export async function deleteRole({ ctx, eventId, roleId }: { ctx: Ctx; eventId: string; roleId: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    requireEditable(event.status);
    const role = await lockRole(tx, eventId, roleId);
    const confirmed = await confirmedCount(tx, roleId);
    if (confirmed > 0)
      throw new Conflict("conflict", say("event-role-has-volunteers", { count: confirmed }), { confirmed });
    await tx.delete(eventRoles).where(eq(eventRoles.id, roleId));
    await audit(tx, actor, "delete", "event_role", roleId, { eventId, name: role.name });
  });
}
