import {
  documents,
  hoursEntries,
  matches,
  opportunities,
  organizations,
  placements,
  requests,
  students,
} from "@bridgework/db";
import { addDays, CERTIFICATE_EXPIRING_DAYS, type Waiting, type WaitingItem } from "@bridgework/domain";
import { and, asc, count, eq, min, sql } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { dayInZone } from "../../lib/zoned-time.ts";
import { visibleMatches } from "../../lib/queries/matches.ts";
import { certificatesExpiringBetween, pendingHours, unsignedDocuments } from "./waiting.queries.ts";

const SHOWN = 5;
const studentName = sql<string>`${students.firstName} || ' ' || left(${students.lastName}, 1) || '.'`;

/**
 * What waits on the person now, counted in their scope: proposals to approve (coordinators,
 * intermediaries), asks to answer (employers), unsigned paperwork past its due day and hours not
 * yet approved (everyone who sees the placement), certificates expiring within 30 days (employers
 * their own, staff their region's). "Today" is the region's calendar day. Every count is one
 * indexed aggregate; the items are the oldest few of each kind. Names of students are audited.
 */
export async function getWaiting({ ctx }: { ctx: Ctx }): Promise<Waiting> {
  const actor = ctx.actor;
  const today = dayInZone(ctx.clock.now(), await regionTimeZone(ctx.db, actor.regionId));
  const staff = actor.role === "coordinator" || actor.role === "intermediary";
  const employer = actor.role === "employer";
  const school = sql<string>`(select name from ${organizations} where id = ${requests.schoolId})`;

  const approvalsWhere = and(visibleMatches(actor), eq(matches.status, "proposed"));
  const asksWhere = and(visibleMatches(actor), eq(matches.status, "approved"));
  const unsignedWhere = unsignedDocuments(actor, { to: addDays(today, -1) });
  const hoursWhere = pendingHours(actor);

  const [approvals, asks, unsigned, hours, certificates] = await Promise.all([
    staff
      ? ctx.db
          .select({
            id: matches.id,
            title: opportunities.title,
            detail: school,
            date: matches.createdAt,
            total: sql<number>`count(*) over ()`.mapWith(Number),
          })
          .from(matches)
          .innerJoin(requests, eq(requests.id, matches.requestId))
          .innerJoin(opportunities, eq(opportunities.id, matches.opportunityId))
          .where(approvalsWhere)
          .orderBy(asc(matches.createdAt))
          .limit(SHOWN)
      : [],
    employer
      ? ctx.db
          .select({
            id: matches.id,
            title: opportunities.title,
            detail: school,
            date: matches.approvedAt,
            total: sql<number>`count(*) over ()`.mapWith(Number),
          })
          .from(matches)
          .innerJoin(requests, eq(requests.id, matches.requestId))
          .innerJoin(opportunities, eq(opportunities.id, matches.opportunityId))
          .where(asksWhere)
          .orderBy(asc(matches.approvedAt))
          .limit(SHOWN)
      : [],
    staff ? grouped(ctx, unsignedWhere, "documents") : { total: 0, rows: [] },
    grouped(ctx, hoursWhere, "hours"),
    actor.role === "teacher"
      ? []
      : certificatesExpiringBetween(ctx.db, actor, today, addDays(today, CERTIFICATE_EXPIRING_DAYS)),
  ]);

  const items: WaitingItem[] = [
    ...approvals.map((r) => ({
      kind: "approval" as const,
      id: r.id,
      title: r.title,
      detail: r.detail,
      date: r.date?.toISOString() ?? null,
    })),
    ...asks.map((r) => ({
      kind: "ask" as const,
      id: r.id,
      title: r.title,
      detail: r.detail,
      date: r.date?.toISOString() ?? null,
    })),
    ...unsigned.rows.map((r) => ({ kind: "unsignedPastDue" as const, ...r })),
    ...hours.rows.map((r) => ({ kind: "hoursToApprove" as const, ...r })),
    ...certificates.slice(0, SHOWN).map((c) => ({
      kind: "certificateExpiring" as const,
      id: c.employerId,
      title: c.employerName,
      detail: null,
      date: c.expiresOn,
    })),
  ];
  const placementIds = [...unsigned.rows, ...hours.rows].map((r) => r.id);
  if (placementIds.length > 0)
    await audit(ctx.db, actor, "list", "placement", null, { placementIds: [...new Set(placementIds)], via: "waiting" });
  return {
    approvals: approvals[0]?.total ?? 0,
    asks: asks[0]?.total ?? 0,
    unsignedPastDue: unsigned.total,
    hoursToApprove: hours.total,
    certificatesExpiring: certificates.length,
    items,
  };
}

/** Documents or hour entries counted one by one, shown grouped by placement (student and opportunity), oldest first. */
async function grouped(ctx: Ctx, where: ReturnType<typeof pendingHours>, what: "documents" | "hours") {
  const table = what === "documents" ? documents : hoursEntries;
  const day = what === "documents" ? documents.dueOn : hoursEntries.date;
  const base = ctx.db
    .select({ n: count() })
    .from(table)
    .innerJoin(placements, eq(placements.id, table.placementId))
    .where(where);
  const rows = ctx.db
    .select({ id: placements.id, title: studentName, detail: opportunities.title, date: min(day) })
    .from(table)
    .innerJoin(placements, eq(placements.id, table.placementId))
    .innerJoin(students, eq(students.id, placements.studentId))
    .innerJoin(opportunities, eq(opportunities.id, placements.opportunityId))
    .where(where)
    .groupBy(placements.id, students.firstName, students.lastName, opportunities.title)
    .orderBy(asc(min(day)))
    .limit(SHOWN);
  const [[total], shown] = await Promise.all([base, rows]);
  return {
    total: total?.n ?? 0,
    rows: shown.map((r) => ({ id: r.id, title: r.title, detail: r.detail, date: r.date })),
  };
}
