import { growInvitations, organizations, regions, type Tx, users } from "@bridgework/db";
import {
  GROW_RULE_KIND,
  type GrowInvitation,
  growHistory,
  growSuggestions,
  requireRole,
  RuleViolation,
  say,
  type SendGrowInvitation,
  ValidationFailed,
} from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, growInvitationMessage } from "@bridgework/notifications";
import { and, asc, eq } from "drizzle-orm";
import { askState, asksThisMonth, enforceAskCap } from "../../lib/ask-cap.ts";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion, type OrganizationRow } from "../../lib/queries/organizations.ts";
import { employerFacts, factsOf } from "./relationship.queries.ts";

/** The employer's preferred contact when active, else its first active user. */
async function recipientOf(tx: Tx, org: OrganizationRow) {
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.organizationId, org.id), eq(users.status, "active")))
    .orderBy(asc(users.createdAt), asc(users.id));
  return people.find((p) => p.id === org.preferredContactId) ?? people[0];
}

/**
 * The intermediary invites an employer to the next step along the continuum. It is an ask:
 * refused in a blackout month (422 blackout-month) or past the monthly cap (422
 * ask-limit-reached) under the employer's row lock, like a match approval. Side effects: a
 * grow_invitations row, an email in the contact's language, an audit row.
 */
export async function sendGrowInvitation({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: SendGrowInvitation;
}): Promise<GrowInvitation> {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const org = await findOrganizationInRegion(ctx.db, actor.regionId, id, "employer");
  if (GROW_RULE_KIND[input.rule] !== input.kind) {
    throw new ValidationFailed([{ path: "kind", text: say("grow-kind-mismatch") }]);
  }
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    // Locks the employer's row first: asks to one employer are counted one at a time.
    await enforceAskCap(tx, org.id, now);
    // Re-read under the lock, so a second click (or a second tab) finds the first invitation.
    const facts = factsOf(await employerFacts(tx, actor.regionId, org.id), org.id);
    const suggestion = growSuggestions(facts, now).find((s) => s.rule === input.rule);
    if (!suggestion) throw new RuleViolation("rule-violation", say("grow-not-ready", { employer: org.name }));
    const contact = await recipientOf(tx, org);
    if (!contact) throw new RuleViolation("rule-violation", say("grow-no-contact", { employer: org.name }));
    const [region] = await tx
      .select({ name: regions.name, timeZone: regions.timeZone })
      .from(regions)
      .where(eq(regions.id, actor.regionId));
    const [sender] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId));
    const [row] = await tx
      .insert(growInvitations)
      .values({
        regionId: actor.regionId,
        employerId: org.id,
        kind: input.kind,
        rule: input.rule,
        sentTo: contact.id,
        sentBy: actor.userId,
        sentAt: now,
      })
      .returning();
    const message = await growInvitationMessage({
      recipient: { name: contact.name, email: contact.email, language: contact.language },
      timeZone: region!.timeZone,
      employer: org.name,
      region: region!.name,
      intermediary: sender?.name ?? region!.name,
      kind: input.kind,
      history: growHistory(suggestion, contact.language),
      link: createLinks(ctx.config.publicUrl).home(),
    });
    await queueEmail(tx, {
      dedupeKey: `grow-invitation:${row!.id}`,
      regionId: actor.regionId,
      to: contact.email,
      ...message,
    });
    await audit(tx, actor, "grow-invitation", "organization", org.id, {
      invitationId: row!.id,
      kind: input.kind,
      rule: input.rule,
      sentTo: contact.id,
    });
    const asks = await asksThisMonth(tx, [org.id], now);
    return { row: row!, contact, asks: askState(asks.get(org.id), org.blackoutMonths, now, region!.timeZone) };
  });
  ctx.kick();
  return {
    id: result.row.id,
    employerId: org.id,
    kind: result.row.kind,
    rule: input.rule,
    sentAt: result.row.sentAt.toISOString(),
    sentTo: result.contact.name,
    asks: result.asks,
  };
}
