import { users } from "@bridgework/db";
import { type EmployerRelationship, requireRole, SECTORS, type Sector } from "@bridgework/domain";
import { and, asc, eq } from "drizzle-orm";
import { askState, asksThisMonth } from "../../lib/ask-cap.ts";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { latestCertificates } from "../../lib/queries/insurance-certificates.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { dayInZone } from "../../lib/zoned-time.ts";
import { employerFacts, employerTimeline, factsOf } from "./relationship.queries.ts";

const isSector = (s: string): s is Sector => (SECTORS as readonly string[]).includes(s);

/**
 * One employer's relationship with the region on one page: the intermediary reads all of it; a
 * coordinator reads it too (the single voice toward employers must know what was already
 * asked) but only their own district's asks and placements. Side effect: an audit row (it
 * lists the employer's people).
 */
export async function getRelationship({ ctx, id }: { ctx: Ctx; id: string }): Promise<EmployerRelationship> {
  requireRole(ctx.actor, ["intermediary", "coordinator"]);
  const actor = ctx.actor;
  const org = await findOrganizationInRegion(ctx.db, actor.regionId, id, "employer");
  const now = ctx.clock.now();
  const districtId = actor.role === "coordinator" ? actor.organizationId : null;
  const [timeZone, facts, timeline, asks, people, certs] = await Promise.all([
    regionTimeZone(ctx.db, actor.regionId),
    employerFacts(ctx.db, actor.regionId, org.id),
    employerTimeline(ctx.db, actor.regionId, org.id, districtId),
    asksThisMonth(ctx.db, [org.id], now),
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email, status: users.status })
      .from(users)
      .where(and(eq(users.organizationId, org.id), eq(users.regionId, actor.regionId)))
      .orderBy(asc(users.name)),
    latestCertificates(ctx.db, [org.id]),
  ]);
  const f = factsOf(facts, org.id);
  const cert = certs.get(org.id);
  await audit(ctx.db, actor, "read", "employer-relationship", org.id, { contacts: people.length });
  return {
    employer: {
      id: org.id,
      name: org.name,
      sectors: org.sectors.filter(isSector),
      website: org.website,
      companySize: org.companySize,
      blackoutMonths: org.blackoutMonths,
      preferredContactId: org.preferredContactId,
    },
    asks: askState(asks.get(org.id), org.blackoutMonths, now, timeZone),
    contacts: people.map((p) => ({ ...p, preferred: p.id === org.preferredContactId })),
    insurance: cert
      ? { carrier: cert.carrier, expiresOn: cert.expiresOn, expired: cert.expiresOn < dayInZone(now, timeZone) }
      : null,
    hostAgain: {
      yes: f.hostAgainYes,
      answers: f.hostAgainAnswers,
      rate: f.hostAgainAnswers === 0 ? null : f.hostAgainYes / f.hostAgainAnswers,
    },
    highestLevel: f.highestLevel && f.highestAt ? { level: f.highestLevel, at: f.highestAt.toISOString() } : null,
    readOnly: actor.role !== "intermediary",
    timeline,
  };
}
