import { matches, matchFeedback, opportunities, requests } from "@bridgework/db";
import { get, send } from "./access-platform.ts";
import type { IdentityName } from "./identities.ts";
import type { RouteEntry } from "./matrix.ts";

/** Authorization table, part 2: opportunities, requests, matches and suggestions. */

const EVERYONE = { intermediary: "any", coordinator: "any", teacher: "any", employer: "any" } as const;
const isEmployer = (who: IdentityName) => who === "employer" || who === "otherEmployer";
const isTeacher = (who: IdentityName) => who === "teacher" || who === "otherSchool";

const opportunityBody = (w: { fresh: { tag(): string } }) => ({
  kind: "industry_tour",
  sector: "Health Science and Medical Technology",
  title: `Matrix tour ${w.fresh.tag()}`,
  description: "A walk through the lab.",
  modality: "in_person",
  capacity: 20,
});

export const brokeringRoutes: RouteEntry[] = [
  { route: "GET /api/opportunities", access: EVERYONE, request: () => get("/api/opportunities?pageSize=100") },
  // Employers see their own opportunities only; schools and staff the region's.
  {
    route: "GET /api/opportunities/:id",
    access: { intermediary: "region", coordinator: "region", teacher: "region", employer: "own" },
    request: (w) => get(`/api/opportunities/${w.tour}`),
  },
  {
    route: "POST /api/opportunities",
    // An employer posts for itself (whichever it is); the intermediary names a Valley employer.
    access: { intermediary: "region", employer: "any" },
    ok: 201,
    table: opportunities,
    request: (w, who) =>
      send("POST", "/api/opportunities", {
        ...opportunityBody(w),
        ...(isEmployer(who) ? {} : { employerId: w.ids.employer }),
      }),
  },
  {
    route: "PATCH /api/opportunities/:id",
    access: { intermediary: "region", employer: "own" },
    table: opportunities,
    request: async (w) =>
      send("PATCH", `/api/opportunities/${await w.fresh.opportunity("draft")}`, { title: `Renamed ${w.fresh.tag()}` }),
  },
  {
    route: "POST /api/opportunities/:id/publish",
    access: { intermediary: "region", employer: "own" },
    request: async (w) => send("POST", `/api/opportunities/${await w.fresh.opportunity("draft")}/publish`),
  },
  {
    route: "POST /api/opportunities/:id/pause",
    access: { intermediary: "region", employer: "own" },
    request: async (w) => send("POST", `/api/opportunities/${await w.fresh.opportunity("published")}/pause`),
  },
  {
    route: "POST /api/opportunities/:id/close",
    access: { intermediary: "region", employer: "own" },
    request: async (w) => send("POST", `/api/opportunities/${await w.fresh.opportunity("published")}/close`),
  },

  {
    route: "GET /api/requests",
    access: { intermediary: "any", coordinator: "any", teacher: "any" },
    request: () => get("/api/requests?pageSize=100"),
  },
  {
    route: "GET /api/requests/:id",
    access: { intermediary: "region", coordinator: "district", teacher: "school" },
    request: (w) => get(`/api/requests/${w.match.requestId}`),
  },
  {
    route: "POST /api/requests",
    // A teacher asks for their own school (no schoolId); staff name Valley High.
    access: { intermediary: "region", coordinator: "district", teacher: "any" },
    ok: 201,
    table: requests,
    request: (w, who) =>
      send("POST", "/api/requests", {
        kind: "industry_tour",
        sector: "Health Science and Medical Technology",
        students: 12,
        gradeLevels: [11],
        windowStart: "2031-07-05",
        windowEnd: "2031-08-30",
        modality: "in_person",
        ...(isTeacher(who) ? {} : { schoolId: w.ids.school }),
      }),
  },
  {
    route: "POST /api/requests/:id/cancel",
    access: { intermediary: "region", coordinator: "district", teacher: "self" },
    request: async (w) =>
      send("POST", `/api/requests/${await w.fresh.request()}/cancel`, { reason: "No bus that week" }),
  },
  {
    route: "GET /api/requests/:id/suggestions",
    access: { intermediary: "region", coordinator: "district", teacher: "school" },
    request: (w) => get(`/api/requests/${w.match.requestId}/suggestions`),
  },

  { route: "GET /api/matches", access: EVERYONE, request: () => get("/api/matches?pageSize=100") },
  {
    route: "POST /api/matches",
    access: { intermediary: "region", coordinator: "district", teacher: "school" },
    ok: 201,
    table: matches,
    request: async (w) =>
      send("POST", "/api/matches", { requestId: await w.fresh.request(), opportunityId: w.tour, seats: 1 }),
  },
  {
    route: "GET /api/matches/:id",
    access: { intermediary: "region", coordinator: "district", teacher: "school", employer: "own" },
    request: (w) => get(`/api/matches/${w.match.id}`),
  },
  {
    route: "POST /api/matches/approve",
    access: { intermediary: "region", coordinator: "district" },
    bulk: true,
    request: async (w) => send("POST", "/api/matches/approve", { ids: [(await w.fresh.match("proposed")).id] }),
  },
  {
    route: "POST /api/matches/:id/approve",
    access: { intermediary: "region", coordinator: "district" },
    request: async (w) => send("POST", `/api/matches/${(await w.fresh.match("proposed")).id}/approve`),
  },
  {
    route: "POST /api/matches/:id/accept",
    access: { intermediary: "region", employer: "own" },
    request: async (w) => send("POST", `/api/matches/${(await w.fresh.match("approved")).id}/accept`, {}),
  },
  {
    route: "POST /api/matches/:id/schedule",
    access: { intermediary: "region", coordinator: "district", teacher: "self", employer: "own" },
    request: async (w) =>
      send("POST", `/api/matches/${(await w.fresh.match("accepted")).id}/schedule`, {
        scheduledAt: "2031-07-12T16:00:00Z",
      }),
  },
  {
    route: "POST /api/matches/:id/decline",
    access: { intermediary: "region", employer: "own" },
    request: async (w) =>
      send("POST", `/api/matches/${(await w.fresh.match("approved")).id}/decline`, { reason: "No guide free" }),
  },
  {
    route: "POST /api/matches/:id/cancel",
    access: { intermediary: "region", coordinator: "district", teacher: "self" },
    request: async (w) =>
      send("POST", `/api/matches/${(await w.fresh.match("approved")).id}/cancel`, { reason: "Bus cancelled" }),
  },
  {
    route: "POST /api/matches/:id/complete",
    access: { coordinator: "district", teacher: "school" },
    request: async (w) =>
      send("POST", `/api/matches/${(await w.fresh.match("scheduled")).id}/complete`, { attendedStudents: 4 }),
  },
  {
    route: "POST /api/matches/:id/feedback",
    access: { teacher: "school", employer: "own" },
    ok: 201,
    table: matchFeedback,
    request: async (w) =>
      send("POST", `/api/matches/${(await w.fresh.match("completed")).id}/feedback`, {
        rating: 5,
        hostAgain: true,
        comment: "Great",
      }),
  },
];
