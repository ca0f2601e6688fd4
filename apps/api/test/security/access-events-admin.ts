import { eventRoles, eventSchools, eventVolunteers, events } from "@bridgework/db";
import { get, send } from "./access-platform.ts";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";

/** Authorization table, part: multi-employer events as the coordinator and the intermediary run them. */

/** Those who run a Valley Unified event: its district's coordinator and the region's intermediary. */
const RUNS = { intermediary: "region", coordinator: "district" } as const;
/** Those who read it: also the teachers of a school taking part (Valley High). */
const READS = { ...RUNS, teacher: "school" } as const;

const role = (eventId: string) => ({
  eventId,
  name: "Interviewer",
  startsAt: new Date("2031-03-10T16:00:00Z"),
  endsAt: new Date("2031-03-10T19:00:00Z"),
  needed: 50,
  scheduled: true,
});

/** A fresh draft Valley Unified mock-interview day with Valley High taking part and one Interviewer shift. */
async function freshEvent(w: World): Promise<{ eventId: string; roleId: string }> {
  const db = w.h.db.db;
  const [event] = await db
    .insert(events)
    .values({
      regionId: w.ids.valley,
      districtId: w.ids.district,
      createdBy: await w.h.userId("coordinator@valley.example"),
      kind: "mock_interviews",
      title: `Matrix event ${w.fresh.tag()}`,
      startsAt: new Date("2031-03-10T15:00:00Z"),
      endsAt: new Date("2031-03-10T22:00:00Z"),
    })
    .returning({ id: events.id });
  await db.insert(eventSchools).values({ eventId: event!.id, schoolId: w.ids.school });
  const [r] = await db.insert(eventRoles).values(role(event!.id)).returning({ id: eventRoles.id });
  return { eventId: event!.id, roleId: r!.id };
}

async function freshVolunteer(w: World) {
  const { eventId, roleId } = await freshEvent(w);
  const tag = w.fresh.tag();
  const [v] = await w.h.db.db
    .insert(eventVolunteers)
    .values({
      eventId,
      roleId,
      name: `Volunteer ${tag}`,
      email: `volunteer-${tag}@matrix.example`,
      employerName: "Matrix Works",
      badgeCode: "V-MTRX",
    })
    .returning({ id: eventVolunteers.id });
  return { eventId, volunteerId: v!.id };
}

const roleBody = {
  name: "Greeter",
  startsAt: "2031-03-10T15:00:00Z",
  endsAt: "2031-03-10T17:00:00Z",
  needed: 4,
};

export const eventsAdminRoutes: RouteEntry[] = [
  {
    route: "POST /api/events",
    access: { intermediary: "any", coordinator: "any" },
    ok: 201,
    table: events,
    request: () =>
      send("POST", "/api/events", {
        kind: "career_fair",
        title: "Matrix career fair",
        startsAt: "2031-04-01T16:00:00Z",
        endsAt: "2031-04-01T20:00:00Z",
      }),
  },
  {
    route: "GET /api/events",
    access: READS,
    outside: "filtered",
    async request(w) {
      await freshEvent(w);
      return get("/api/events?pageSize=100");
    },
  },
  {
    route: "GET /api/events/:id",
    access: READS,
    request: async (w) => get(`/api/events/${(await freshEvent(w)).eventId}`),
  },
  {
    route: "PATCH /api/events/:id",
    access: RUNS,
    table: events,
    request: async (w) => send("PATCH", `/api/events/${(await freshEvent(w)).eventId}`, { title: "Matrix renamed" }),
  },
  {
    route: "POST /api/events/:id/transition",
    access: RUNS,
    table: events,
    request: async (w) => send("POST", `/api/events/${(await freshEvent(w)).eventId}/transition`, { action: "open" }),
  },
  {
    route: "POST /api/events/:id/roles",
    access: RUNS,
    ok: 201,
    table: eventRoles,
    request: async (w) => send("POST", `/api/events/${(await freshEvent(w)).eventId}/roles`, roleBody),
  },
  {
    route: "PATCH /api/events/:id/roles/:roleId",
    access: RUNS,
    table: eventRoles,
    async request(w) {
      const { eventId, roleId } = await freshEvent(w);
      return send("PATCH", `/api/events/${eventId}/roles/${roleId}`, { ...roleBody, needed: 8 });
    },
  },
  {
    route: "DELETE /api/events/:id/roles/:roleId",
    access: RUNS,
    ok: 204,
    table: eventRoles,
    async request(w) {
      const { eventId, roleId } = await freshEvent(w);
      return send("DELETE", `/api/events/${eventId}/roles/${roleId}`);
    },
  },
  {
    route: "GET /api/events/:id/volunteers",
    access: RUNS,
    request: async (w) => get(`/api/events/${(await freshVolunteer(w)).eventId}/volunteers`),
  },
  {
    route: "POST /api/events/:id/volunteers",
    access: RUNS,
    ok: 201,
    table: eventVolunteers,
    async request(w) {
      const { eventId, roleId } = await freshEvent(w);
      const tag = w.fresh.tag();
      return send("POST", `/api/events/${eventId}/volunteers`, {
        roleId,
        name: `Added ${tag}`,
        email: `added-${tag}@matrix.example`,
        employerName: "Matrix Works",
      });
    },
  },
  {
    route: "DELETE /api/events/:id/volunteers/:volunteerId",
    access: RUNS,
    table: eventVolunteers,
    async request(w) {
      const { eventId, volunteerId } = await freshVolunteer(w);
      return send("DELETE", `/api/events/${eventId}/volunteers/${volunteerId}`);
    },
  },
  {
    route: "POST /api/events/:id/message",
    access: RUNS,
    async request(w) {
      const { eventId } = await freshVolunteer(w);
      return send("POST", `/api/events/${eventId}/message`, { subject: "Parking", body: "Use lot C." });
    },
  },
];
