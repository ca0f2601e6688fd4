import { employerInterests } from "@bridgework/db";
import { get, send } from "./access-platform.ts";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";

/** Authorization table, part: the intermediary's queue of "Get involved" submissions. */

const INTERMEDIARY = { intermediary: "region" } as const;

/** A fresh confirmed (waiting) submission of Valley, as the public form leaves it. */
async function freshSubmission(w: World): Promise<string> {
  const tag = w.fresh.tag();
  const [row] = await w.h.db.db
    .insert(employerInterests)
    .values({
      regionId: w.ids.valley,
      status: "waiting",
      companyName: `Matrix Company ${tag}`,
      contactName: `Matrix Contact ${tag}`,
      contactEmail: `contact-${tag}@matrix-${tag}.example`,
      ways: ["class_talk"],
      sectors: ["Health Science and Medical Technology"],
      ip: "203.0.113.7",
      confirmedAt: new Date(),
    })
    .returning({ id: employerInterests.id });
  return row!.id;
}

export const employerVettingRoutes: RouteEntry[] = [
  {
    route: "GET /api/employer-interests",
    access: INTERMEDIARY,
    outside: "filtered",
    async request(w) {
      await freshSubmission(w);
      return get("/api/employer-interests");
    },
  },
  // A count of the caller's own region: names no record.
  {
    route: "GET /api/employer-interests/count",
    access: { intermediary: "any" },
    request: () => get("/api/employer-interests/count"),
  },
  {
    route: "GET /api/employer-interests/:id",
    access: INTERMEDIARY,
    request: async (w) => get(`/api/employer-interests/${await freshSubmission(w)}`),
  },
  {
    route: "POST /api/employer-interests/:id/approve",
    access: INTERMEDIARY,
    table: employerInterests,
    request: async (w) =>
      send("POST", `/api/employer-interests/${await freshSubmission(w)}/approve`, { askCapPerMonth: 2 }),
  },
  {
    route: "POST /api/employer-interests/:id/merge",
    access: INTERMEDIARY,
    table: employerInterests,
    request: async (w) =>
      send("POST", `/api/employer-interests/${await freshSubmission(w)}/merge`, { organizationId: w.ids.employer }),
  },
  {
    route: "POST /api/employer-interests/:id/decline",
    access: INTERMEDIARY,
    table: employerInterests,
    request: async (w) =>
      send("POST", `/api/employer-interests/${await freshSubmission(w)}/decline`, { reason: "Not a fit this year" }),
  },
];
