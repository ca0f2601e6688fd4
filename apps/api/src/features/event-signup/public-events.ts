import { type DbOrTx, eventRoles, eventVolunteers, events, regions } from "@bridgework/db";
import { NotFound, type PublicEvent, type PublicEventList, type PublicEventRole } from "@bridgework/domain";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";

export type PublicRegionRow = { id: string; slug: string; name: string; timeZone: string };

/** The region behind a public page's slug; 404 when there is none. */
export async function regionOfSlug(db: DbOrTx, slug: string): Promise<PublicRegionRow> {
  const [row] = await db
    .select({ id: regions.id, slug: regions.slug, name: regions.name, timeZone: regions.timeZone })
    .from(regions)
    .where(eq(regions.slug, slug.toLowerCase()));
  if (!row) throw new NotFound("region");
  return row;
}

/** Confirmed and waiting volunteers per role, counts only: the public never sees who. */
async function roleCounts(db: DbOrTx, roleIds: string[]) {
  if (roleIds.length === 0) return new Map<string, { confirmed: number; waitlisted: number }>();
  const rows = await db
    .select({ roleId: eventVolunteers.roleId, status: eventVolunteers.status, n: count() })
    .from(eventVolunteers)
    .where(and(inArray(eventVolunteers.roleId, roleIds), sql`${eventVolunteers.status} <> 'cancelled'`))
    .groupBy(eventVolunteers.roleId, eventVolunteers.status);
  const out = new Map<string, { confirmed: number; waitlisted: number }>();
  for (const r of rows) {
    const c = out.get(r.roleId) ?? { confirmed: 0, waitlisted: 0 };
    if (r.status === "confirmed") c.confirmed = r.n;
    if (r.status === "waitlisted") c.waitlisted = r.n;
    out.set(r.roleId, c);
  }
  return out;
}

async function publicRoles(db: DbOrTx, eventIds: string[]): Promise<Map<string, PublicEventRole[]>> {
  if (eventIds.length === 0) return new Map();
  const roles = await db
    .select()
    .from(eventRoles)
    .where(inArray(eventRoles.eventId, eventIds))
    .orderBy(asc(eventRoles.position), asc(eventRoles.startsAt), asc(eventRoles.name));
  const counts = await roleCounts(
    db,
    roles.map((r) => r.id),
  );
  const byEvent = new Map<string, PublicEventRole[]>();
  for (const r of roles) {
    const c = counts.get(r.id) ?? { confirmed: 0, waitlisted: 0 };
    const list = byEvent.get(r.eventId) ?? [];
    list.push({
      id: r.id,
      name: r.name,
      description: r.description,
      bring: r.bring,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      needed: r.needed,
      remaining: Math.max(0, r.needed - c.confirmed),
      waitlisted: c.waitlisted,
    });
    byEvent.set(r.eventId, list);
  }
  return byEvent;
}

const regionView = (r: PublicRegionRow) => ({ slug: r.slug, name: r.name, timeZone: r.timeZone });

/** The region's events open for sign-up, soonest first, with each role's remaining places. */
export async function listPublicEvents(db: DbOrTx, slug: string): Promise<PublicEventList> {
  const region = await regionOfSlug(db, slug);
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.regionId, region.id), eq(events.status, "open")))
    .orderBy(asc(events.startsAt), asc(events.title))
    .limit(200);
  const roles = await publicRoles(
    db,
    rows.map((e) => e.id),
  );
  return {
    region: regionView(region),
    events: rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      location: e.location,
      virtual: e.virtualUrl !== null,
      roles: (roles.get(e.id) ?? []).map((r) => ({
        id: r.id,
        name: r.name,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        remaining: r.remaining,
      })),
    })),
  };
}

/** One open event of the region with its roles; 404 when it is not open or belongs to another region. */
export async function getPublicEvent(db: DbOrTx, slug: string, eventId: string): Promise<PublicEvent> {
  const region = await regionOfSlug(db, slug);
  const [e] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.regionId, region.id), eq(events.status, "open")));
  if (!e) throw new NotFound("event");
  const roles = await publicRoles(db, [e.id]);
  return {
    region: regionView(region),
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    location: e.location,
    virtualUrl: e.virtualUrl,
    roles: roles.get(e.id) ?? [],
  };
}
