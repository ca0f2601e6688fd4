import { type DbOrTx, documents, hoursEntries, insuranceCertificates, organizations, placements } from "@bridgework/db";
import type { PersonActor } from "@bridgework/domain";
import { and, asc, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { visiblePlacements } from "../../lib/queries/placements.ts";

/** Placements whose paperwork and hours still matter (not withdrawn or completed). */
export const LIVE_PLACEMENT = inArray(placements.status, ["pending_paperwork", "ready", "active"]);

/**
 * The latest certificate of each employer the person looks after (an employer its own, staff
 * their region's), as a subquery: a newer record replaces an older one even when it expires sooner.
 */
export function latestCertificatesOf(db: DbOrTx, actor: PersonActor) {
  const scope: SQL | undefined =
    actor.role === "employer"
      ? eq(insuranceCertificates.employerId, actor.organizationId)
      : eq(insuranceCertificates.regionId, actor.regionId);
  return db
    .selectDistinctOn([insuranceCertificates.employerId], {
      id: insuranceCertificates.id,
      employerId: insuranceCertificates.employerId,
      employerName: organizations.name,
      expiresOn: insuranceCertificates.expiresOn,
    })
    .from(insuranceCertificates)
    .innerJoin(organizations, eq(organizations.id, insuranceCertificates.employerId))
    .where(scope)
    .orderBy(insuranceCertificates.employerId, desc(insuranceCertificates.createdAt), desc(insuranceCertificates.id))
    .as("latest_certificates");
}

/** Latest certificates expiring between two days (inclusive), soonest first. */
export async function certificatesExpiringBetween(
  db: DbOrTx,
  actor: PersonActor,
  from: string,
  to: string,
  limit?: number,
) {
  const latest = latestCertificatesOf(db, actor);
  const query = db
    .select()
    .from(latest)
    .where(and(gte(latest.expiresOn, from), lte(latest.expiresOn, to)))
    .orderBy(asc(latest.expiresOn), asc(latest.employerName));
  return limit ? query.limit(limit) : query;
}

/** Unsigned documents of the person's live placements due between two days (inclusive; either end open). */
export function unsignedDocuments(actor: PersonActor, range: { from?: string; to?: string }): SQL {
  return and(
    visiblePlacements(actor),
    LIVE_PLACEMENT,
    eq(documents.status, "pending"),
    range.from ? gte(documents.dueOn, range.from) : undefined,
    range.to ? lte(documents.dueOn, range.to) : undefined,
  )!;
}

export function pendingHours(actor: PersonActor): SQL {
  return and(visiblePlacements(actor), LIVE_PLACEMENT, eq(hoursEntries.status, "pending"))!;
}
