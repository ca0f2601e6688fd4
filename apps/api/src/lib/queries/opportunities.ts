import { type DbOrTx, opportunities, organizations } from "@bridgework/db";
import { NotFound, type Opportunity, type PersonActor, type Sector } from "@bridgework/domain";
import { and, eq, getTableColumns, ne, type SQL } from "drizzle-orm";

export type OpportunityRow = typeof opportunities.$inferSelect;

/** Columns for the API shape: every opportunity column, plus the employer's name. */
export const opportunityColumns = {
  opportunity: getTableColumns(opportunities),
  employerName: organizations.name,
};

export function selectOpportunities(db: DbOrTx) {
  return db
    .select(opportunityColumns)
    .from(opportunities)
    .innerJoin(organizations, eq(organizations.id, opportunities.employerId));
}

export function toOpportunity({
  opportunity: o,
  employerName,
}: {
  opportunity: OpportunityRow;
  employerName: string;
}): Opportunity {
  return {
    id: o.id,
    employerId: o.employerId,
    employerName,
    kind: o.kind,
    level: o.level,
    sector: o.sector as Sector,
    title: o.title,
    description: o.description,
    modality: o.modality,
    location: o.city || o.postalCode ? { city: o.city, postalCode: o.postalCode } : null,
    capacity: o.capacity,
    seatsTaken: o.seatsTaken,
    seatsLeft: o.capacity - o.seatsTaken,
    startsAt: o.startsAt?.toISOString() ?? null,
    endsAt: o.endsAt?.toISOString() ?? null,
    minAge: o.minAge,
    requirements: o.requirements,
    paid: o.paid,
    hoursTotal: o.hoursTotal,
    status: o.status,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    standingOfferOf: o.standingOfferOf,
  };
}

/**
 * Which opportunities a person sees: employers their own (every state); intermediaries the
 * whole region; coordinators everything but other people's drafts; teachers only published.
 */
export function visibleOpportunities(actor: PersonActor): SQL {
  const region = eq(opportunities.regionId, actor.regionId);
  switch (actor.role) {
    case "employer":
      return and(region, eq(opportunities.employerId, actor.organizationId))!;
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, ne(opportunities.status, "draft"))!;
    case "teacher":
      return and(region, eq(opportunities.status, "published"))!;
  }
}

/** One opportunity the person may see (locked FOR UPDATE when `lock`), else 404 (missing and not-yours look the same). */
export async function findVisibleOpportunity(db: DbOrTx, actor: PersonActor, id: string, lock = false) {
  const query = selectOpportunities(db).where(and(eq(opportunities.id, id), visibleOpportunities(actor)));
  const [row] = lock ? await query.for("update", { of: opportunities }) : await query;
  if (!row) throw new NotFound("opportunity");
  return row;
}
