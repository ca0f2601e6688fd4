import { randomUUID } from "node:crypto";
import { eventRoles, eventVolunteers, regions } from "@bridgework/db";
import { requireRole } from "@bridgework/domain";
import { type NewEmail, queueEmails } from "@bridgework/jobs";
import { eventVolunteersMessage } from "@bridgework/notifications";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";

export const VolunteerMessage = z.object({
  subject: z.string().trim().min(2).max(200),
  body: z.string().trim().min(2).max(5000),
});
export type VolunteerMessage = z.infer<typeof VolunteerMessage>;
export const MessageSent = z.object({ sent: z.number().int() });

/**
 * One email per live volunteer (confirmed or waiting), through the outbox, each framed in the
 * volunteer's language around the coordinator's own words. The message's id is in every dedupe
 * key, so a retried job never sends one twice and a second message is a new one.
 */
export async function messageVolunteers({
  ctx,
  eventId,
  input,
}: {
  ctx: Ctx;
  eventId: string;
  input: VolunteerMessage;
}): Promise<{ sent: number }> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const messageId = randomUUID();
  const sent = await ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    const [[region], live] = await Promise.all([
      tx.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, event.regionId)),
      tx
        .select({ volunteer: eventVolunteers, role: eventRoles.name })
        .from(eventVolunteers)
        .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
        .where(and(eq(eventVolunteers.eventId, eventId), ne(eventVolunteers.status, "cancelled"))),
    ]);
    const list: NewEmail[] = await Promise.all(
      live.map(async ({ volunteer: v, role }) => ({
        dedupeKey: `event-message:${messageId}:${v.id}`,
        regionId: event.regionId,
        to: v.email,
        ...(await eventVolunteersMessage({
          recipient: { name: v.name, email: v.email, language: v.language },
          timeZone: region!.timeZone,
          event: event.title,
          role,
          subject: input.subject,
          body: input.body,
        })),
      })),
    );
    const count = await queueEmails(tx, list);
    await audit(tx, actor, "message", "event", eventId, { messageId, subject: input.subject, recipients: count });
    return count;
  });
  ctx.kick();
  return { sent };
}
