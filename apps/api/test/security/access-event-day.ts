import { eventScores, eventStudents, eventVolunteers } from "@bridgework/db";
import { type EventDayFixture, insertEventDay } from "../fixtures/event-day.fixtures.ts";
import { get, send } from "./access-platform.ts";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";

/**
 * Authorization table, part: the day of an event. Those who run it (the intermediary, the
 * Valley Unified coordinator) check people in, mark no-shows and read the board; a volunteer's
 * own link (no account) reads their schedule and saves scores.
 */

const RUNNERS = { intermediary: "region", coordinator: "district" } as const;

/** A fresh Valley Unified interview day with one interview per volunteer, so every call finds its target unchanged. */
async function freshDay(w: World, status: "closed" | "held" = "closed"): Promise<EventDayFixture> {
  return insertEventDay(w.h.db.db, {
    regionId: w.ids.valley,
    districtId: w.ids.district,
    schoolId: w.ids.school,
    createdBy: await w.h.userId("coordinator@valley.example"),
    status,
    volunteers: 2,
    students: 2,
    interviews: [
      [0, 0, 0],
      [1, 1, 0],
    ],
  });
}

const firstInterview = async (w: World, e: EventDayFixture) => {
  const body = (await w.h.app.inject({ method: "GET", url: `/api/public/volunteer/${e.volunteers[0]!.token}` })).json();
  return (body.interviews as Array<{ id: string }>)[0]!.id;
};

export const eventDayRoutes: RouteEntry[] = [
  {
    route: "POST /api/events/:id/check-in",
    access: RUNNERS,
    table: eventVolunteers,
    async request(w) {
      const e = await freshDay(w);
      return send("POST", `/api/events/${e.eventId}/check-in`, { code: e.volunteers[0]!.badgeCode });
    },
  },
  {
    route: "POST /api/events/:id/check-in/volunteers/:volunteerId",
    access: RUNNERS,
    table: eventVolunteers,
    async request(w) {
      const e = await freshDay(w);
      return send("POST", `/api/events/${e.eventId}/check-in/volunteers/${e.volunteers[0]!.id}`);
    },
  },
  {
    route: "DELETE /api/events/:id/check-in/volunteers/:volunteerId",
    access: RUNNERS,
    table: eventVolunteers,
    async request(w) {
      const e = await freshDay(w);
      return send("DELETE", `/api/events/${e.eventId}/check-in/volunteers/${e.volunteers[0]!.id}`);
    },
  },
  {
    route: "POST /api/events/:id/check-in/students/:eventStudentId",
    access: RUNNERS,
    table: eventStudents,
    async request(w) {
      const e = await freshDay(w);
      return send("POST", `/api/events/${e.eventId}/check-in/students/${e.students[0]!.id}`);
    },
  },
  {
    route: "DELETE /api/events/:id/check-in/students/:eventStudentId",
    access: RUNNERS,
    table: eventStudents,
    async request(w) {
      const e = await freshDay(w);
      return send("DELETE", `/api/events/${e.eventId}/check-in/students/${e.students[0]!.id}`);
    },
  },
  {
    route: "POST /api/events/:id/no-shows",
    access: RUNNERS,
    table: eventVolunteers,
    async request(w) {
      const e = await freshDay(w);
      return send("POST", `/api/events/${e.eventId}/no-shows`, { volunteerIds: [e.volunteers[0]!.id] });
    },
  },
  {
    route: "GET /api/events/:id/board",
    access: RUNNERS,
    request: async (w) => get(`/api/events/${(await freshDay(w)).eventId}/board`),
  },
  // The link is the credential: anyone holding it gets the same answer, with students as first name and last initial.
  {
    route: "GET /api/public/volunteer/:token",
    access: "public",
    request: async (w) => get(`/api/public/volunteer/${(await freshDay(w)).volunteers[0]!.token}`),
  },
  {
    route: "PUT /api/public/volunteer/:token/interviews/:interviewId/score",
    access: "public",
    table: eventScores,
    async request(w) {
      const e = await freshDay(w);
      return send(
        "PUT",
        `/api/public/volunteer/${e.volunteers[0]!.token}/interviews/${await firstInterview(w, e)}/score`,
        {
          scores: { communication: 3 },
          comment: "Clear answers",
        },
      );
    },
  },
];
