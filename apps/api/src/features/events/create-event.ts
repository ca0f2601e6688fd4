import { type DbOrTx, eventRoles, eventSchools, events, type Tx, users } from "@bridgework/db";
import {
  defaultRubric,
  type Event,
  type EventInput,
  type EventKind,
  type EventRoleInput,
  isScheduledEvent,
  type PersonActor,
  type Rubric,
  requireRole,
} from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { checkSchoolsAndPathways } from "./event-scope.ts";
import { eventView } from "./event-view.ts";

/** The rubric to store: the one given, else the kind's default in the creator's language (interview-style kinds only). */
export async function rubricFor(
  db: DbOrTx,
  actor: PersonActor,
  kind: EventKind,
  rubric: Rubric | null,
): Promise<Rubric | null> {
  if (rubric) return rubric;
  if (!isScheduledEvent(kind)) return null;
  const [me] = await db.select({ language: users.language }).from(users).where(eq(users.id, actor.userId));
  return defaultRubric(kind, me?.language ?? "en");
}

export function roleValues(eventId: string, role: EventRoleInput, position: number) {
  return {
    eventId,
    name: role.name,
    description: role.description,
    bring: role.bring,
    startsAt: new Date(role.startsAt),
    endsAt: new Date(role.endsAt),
    needed: role.needed,
    breaks: role.breaks,
    scheduled: role.scheduled,
    position,
  };
}

export async function replaceSchools(tx: Tx, eventId: string, schools: EventInput["schools"]) {
  await tx.delete(eventSchools).where(eq(eventSchools.eventId, eventId));
  if (schools.length === 0) return;
  await tx.insert(eventSchools).values(
    schools.map((s) => ({
      eventId,
      schoolId: s.schoolId,
      arrivesAt: s.arrivesAt ? new Date(s.arrivesAt) : null,
      leavesAt: s.leavesAt ? new Date(s.leavesAt) : null,
    })),
  );
}

/**
 * A coordinator's event is their district's, the intermediary's the region's. Schools and
 * pathways must be within the creator's reach; roles are created with it, in the order given.
 */
export async function createEvent({ ctx, input }: { ctx: Ctx; input: EventInput }): Promise<Event> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const schoolIds = input.schools.map((s) => s.schoolId);
  return ctx.db.transaction(async (tx) => {
    await checkSchoolsAndPathways(tx, actor, schoolIds, input.pathwayIds);
    const [event] = await tx
      .insert(events)
      .values({
        regionId: actor.regionId,
        districtId: actor.role === "coordinator" ? actor.organizationId : null,
        createdBy: actor.userId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        location: input.location || null,
        virtualUrl: input.virtualUrl,
        pathwayIds: input.pathwayIds,
        interviewsPerStudent: input.interviewsPerStudent,
        slotMinutes: input.slotMinutes,
        rubric: await rubricFor(tx, actor, input.kind, input.rubric),
      })
      .returning();
    await replaceSchools(tx, event!.id, input.schools);
    if (input.roles.length > 0)
      await tx.insert(eventRoles).values(input.roles.map((r, i) => roleValues(event!.id, r, i)));
    await audit(tx, actor, "create", "event", event!.id, {
      kind: input.kind,
      title: input.title,
      schools: schoolIds.length,
      roles: input.roles.length,
    });
    return eventView(tx, actor, event!);
  });
}
