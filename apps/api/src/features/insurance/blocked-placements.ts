import { type DbOrTx, opportunities, organizations, placements, students, users } from "@bridgework/db";
import { dayOf, insuranceState, type PersonActor, requireRole, RuleViolation, say } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, insuranceRequestMessage } from "@bridgework/notifications";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { visiblePlacements } from "../../lib/queries/placements.ts";
import { latestCertificates } from "../../lib/queries/insurance-certificates.ts";

/** Why a placement waits on its employer's insurance. */
const BlockReason = z.enum(["missing", "expired", "expires_before_start"]);

export const BlockedEmployer = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  status: z.enum(["valid", "expiring", "expired", "missing"]),
  expiresOn: z.iso.date().nullable(),
  placements: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(["pending_paperwork", "ready"]),
      reason: BlockReason,
      startDate: z.iso.date(),
      student: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
      school: z.string(),
      opportunityTitle: z.string(),
    }),
  ),
});
export type BlockedEmployer = z.infer<typeof BlockedEmployer>;

const school = alias(organizations, "school");
const employer = alias(organizations, "employer");

/**
 * Open placements (paperwork pending or ready) the person may see that cannot start for
 * insurance: no rider or waiver, and the employer's newest certificate is missing, expired, or
 * expires before the placement starts. Grouped by employer, soonest start first.
 */
async function blockedFor(
  db: DbOrTx,
  actor: PersonActor,
  today: string,
  employerId?: string,
): Promise<BlockedEmployer[]> {
  const rows = await db
    .select({
      id: placements.id,
      status: placements.status,
      startDate: placements.startDate,
      employerId: placements.employerId,
      employerName: employer.name,
      studentId: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      school: school.name,
      title: opportunities.title,
    })
    .from(placements)
    .innerJoin(students, eq(students.id, placements.studentId))
    .innerJoin(opportunities, eq(opportunities.id, placements.opportunityId))
    .innerJoin(school, eq(school.id, placements.schoolId))
    .innerJoin(employer, eq(employer.id, placements.employerId))
    .where(
      and(
        visiblePlacements(actor),
        inArray(placements.status, ["pending_paperwork", "ready"]),
        isNull(placements.insuranceOverride),
        employerId ? eq(placements.employerId, employerId) : undefined,
      ),
    )
    .orderBy(asc(placements.startDate), asc(placements.id));
  const latest = await latestCertificates(
    db,
    rows.map((r) => r.employerId),
  );
  const byEmployer = new Map<string, BlockedEmployer>();
  for (const r of rows) {
    const cert = latest.get(r.employerId);
    const status = insuranceState(cert?.expiresOn ?? null, today);
    const reason =
      status === "missing"
        ? "missing"
        : status === "expired"
          ? "expired"
          : cert!.expiresOn < r.startDate
            ? "expires_before_start"
            : null;
    if (!reason) continue;
    let group = byEmployer.get(r.employerId);
    if (!group) {
      group = {
        employerId: r.employerId,
        employerName: r.employerName,
        status,
        expiresOn: cert?.expiresOn ?? null,
        placements: [],
      };
      byEmployer.set(r.employerId, group);
    }
    group.placements.push({
      id: r.id,
      status: r.status as "pending_paperwork" | "ready",
      reason,
      startDate: r.startDate,
      student: { id: r.studentId, firstName: r.firstName, lastName: r.lastName },
      school: r.school,
      opportunityTitle: r.title,
    });
  }
  return [...byEmployer.values()];
}

/** Employers whose insurance holds up placements, with the placements (and students) each one blocks. Reading students is audited. */
export async function listBlockedPlacements({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["intermediary", "coordinator"]);
  const items = await blockedFor(ctx.db, ctx.actor, dayOf(ctx.clock.now()));
  const ids = items.flatMap((e) => e.placements.map((p) => p.id));
  if (ids.length > 0)
    await audit(ctx.db, ctx.actor, "list", "placement", null, { placementIds: ids, why: "insurance" });
  return { items };
}

/**
 * Asks an employer's active users, by email in each one's language, to file a certificate, with
 * the placements the caller sees waiting on it and a link to their insurance page. At most once a
 * day per person (a second ask that day sends nothing: `sent` 0). No active user: 422.
 */
export async function requestCertificate({ ctx, employerId }: { ctx: Ctx; employerId: string }) {
  requireRole(ctx.actor, ["intermediary", "coordinator"]);
  const actor = ctx.actor;
  const org = await findOrganizationInRegion(ctx.db, actor.regionId, employerId, "employer");
  const contacts = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, org.id), eq(users.regionId, actor.regionId), eq(users.status, "active")))
    .orderBy(asc(users.email));
  if (contacts.length === 0)
    throw new RuleViolation("rule-violation", say("employer-has-no-contacts", { employer: org.name }));
  const today = dayOf(ctx.clock.now());
  const [blocked] = await blockedFor(ctx.db, actor, today, org.id);
  const [me] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const timeZone = await regionTimeZone(ctx.db, actor.regionId);
  const insuranceLink = createLinks(ctx.config.publicUrl).insurance();
  // The employer reads students as "Maya R." (domain.md, Privacy).
  const list = (blocked?.placements ?? []).map((p) => ({
    student: `${p.student.firstName} ${p.student.lastName.charAt(0)}.`,
    title: p.opportunityTitle,
    startDate: p.startDate,
  }));
  const sent = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const c of contacts) {
      const message = await insuranceRequestMessage({
        recipient: { name: c.name, email: c.email, language: c.language },
        timeZone,
        employer: org.name,
        requester: me?.name ?? "",
        placements: list,
        insuranceLink,
      });
      if (
        await queueEmail(tx, {
          dedupeKey: `insurance-request:${org.id}:${c.id}:${today}`,
          regionId: actor.regionId,
          to: c.email,
          ...message,
        })
      )
        n++;
    }
    await audit(tx, actor, "request_insurance", "organization", org.id, {
      recipients: contacts.length,
      sent: n,
      placementIds: (blocked?.placements ?? []).map((p) => p.id),
    });
    return n;
  });
  if (sent > 0) ctx.kick();
  return { recipients: contacts.length, sent };
}
