import { createHash, randomBytes } from "node:crypto";
import { eventRoles, eventVolunteers, events } from "@bridgework/db";
import type { InjectOptions } from "fastify";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";
import { WORLD_NOW } from "./world.ts";

/** Authorization table: the public volunteer sign-up for events (no login; the emailed links are the key). */

let address = 0;
/** Each sign-up from its own address and email, so the limits never answer instead of the route. */
const fresh = () => ++address;
const DAY = 24 * 3600_000;

/** An open Valley event (the coordinator's) with one role of many places. */
async function openEvent(w: World) {
  const coordinator = await w.h.userId("coordinator@valley.example");
  const startsAt = new Date(WORLD_NOW.getTime() + 30 * DAY);
  const endsAt = new Date(startsAt.getTime() + 4 * 3600_000);
  const [event] = await w.h.db.db
    .insert(events)
    .values({
      regionId: w.ids.valley,
      districtId: w.ids.district,
      createdBy: coordinator,
      kind: "mock_interviews",
      status: "open",
      title: `Matrix Interview Day ${fresh()}`,
      startsAt,
      endsAt,
    })
    .returning({ id: events.id });
  const [role] = await w.h.db.db
    .insert(eventRoles)
    .values({ eventId: event!.id, name: "Interviewer", startsAt, endsAt, needed: 500 })
    .returning({ id: eventRoles.id });
  return { eventId: event!.id, roleId: role!.id };
}

/** A confirmed volunteer of a fresh event and the token of their cancel link. */
async function freshCancelToken(w: World): Promise<string> {
  const { eventId, roleId } = await openEvent(w);
  const token = randomBytes(32).toString("base64url");
  const i = fresh();
  await w.h.db.db.insert(eventVolunteers).values({
    eventId,
    roleId,
    name: "Víctor Volunteer",
    email: `volunteer.${i}@matrix-volunteers.example`,
    employerName: "Matrix Volunteers",
    badgeCode: `V-M${i}`,
    cancelTokenHash: createHash("sha256").update(token).digest("hex"),
  });
  return token;
}

export const eventSignupRoutes: RouteEntry[] = [
  {
    route: "GET /api/public/regions/:slug/events",
    access: "public",
    async request(w) {
      await openEvent(w);
      return { method: "GET", url: "/api/public/regions/valley/events" };
    },
  },
  {
    route: "GET /api/public/regions/:slug/events/:eventId",
    access: "public",
    request: async (w) => ({ method: "GET", url: `/api/public/regions/valley/events/${(await openEvent(w)).eventId}` }),
  },
  {
    route: "POST /api/public/regions/:slug/events/:eventId/volunteers",
    access: "public",
    ok: 201,
    request: async (w): Promise<InjectOptions> => {
      const { eventId, roleId } = await openEvent(w);
      const i = fresh();
      return {
        method: "POST",
        url: `/api/public/regions/valley/events/${eventId}/volunteers`,
        payload: {
          roleId,
          name: "Víctor Volunteer",
          email: `signup.${i}@matrix-volunteers.example`,
          employerName: "Matrix Volunteers",
          language: "es",
        },
        remoteAddress: `198.19.${Math.floor(i / 250)}.${i % 250}`,
      };
    },
  },
  {
    route: "GET /api/public/volunteer-cancel/:token",
    access: "public",
    request: async (w) => ({ method: "GET", url: `/api/public/volunteer-cancel/${await freshCancelToken(w)}` }),
  },
  {
    route: "POST /api/public/volunteer-cancel/:token",
    access: "public",
    request: async (w) => ({ method: "POST", url: `/api/public/volunteer-cancel/${await freshCancelToken(w)}` }),
  },
];
