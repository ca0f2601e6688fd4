import { randomUUID } from "node:crypto";
import { emails, hoursEntries, organizations, pathways, documents, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import type { Harness } from "../harness.ts";
import {
  createMatchVia,
  insertOpportunity as insertTourOpportunity,
  insertRequest,
  T,
} from "../fixtures/match.fixtures.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  recordInsurance,
  signEverything,
} from "../fixtures/placement.fixtures.ts";
import type { IdPool } from "./arbitraries.ts";
import type { RouteUnderTest } from "./routes.ts";

/**
 * Real records for the fuzzer to aim at, so requests get past "not found" into the handlers:
 * students, opportunities, requests, matches, placements (waiting for signatures, active, completed)
 * with their documents, hours entries, invited users, and the one-time link tokens the app emailed.
 * Several of each: a fuzz run that deletes or moves one along leaves others to hit.
 */
export interface World {
  ids: IdPool;
  /** Path parameter values by route prefix + name, e.g. "students:id", "sign:token". */
  pathIds: Record<string, readonly string[]>;
}

const PLACEMENT_DATES = { startDate: "2031-03-01", endDate: "2031-04-30" };

export async function buildWorld(h: Harness): Promise<World> {
  await recordInsurance(h, "Valley Medical Center", "2099-12-31");
  const coordinator = T.coordinator;

  const students = await Promise.all([0, 1, 2, 3, 4, 5].map(() => insertStudent(h)));
  const opportunityIds = await Promise.all([0, 1, 2].map(() => insertOpportunity(h, { capacity: 50, minAge: null })));
  const tours = await Promise.all([0, 1, 2].map(() => insertTourOpportunity(h)));
  const requests = await Promise.all([0, 1, 2, 3].map(() => insertRequest(h, { students: 2 })));
  const matches = [];
  for (let i = 0; i < 4; i++)
    matches.push(await createMatchVia(h, T.intermediary, requests[i]!.id, tours[i % tours.length]!.id));

  // Placements: two waiting for signatures, two active (hours), one completed (evaluation link).
  const placementIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await createPlacement(
      h,
      placementBody(students[i]!.id, opportunityIds[i % opportunityIds.length]!, PLACEMENT_DATES),
      coordinator,
    );
    if (res.statusCode !== 201) throw new Error(`fuzz world: placement ${res.statusCode} ${res.body}`);
    placementIds.push(res.json<{ id: string }>().id);
    if (i >= 2) {
      await signEverything(h, res.json());
      const activated = await h.app.inject({
        method: "POST",
        url: `/api/placements/${res.json<{ id: string }>().id}/activate`,
        headers: await h.as(coordinator),
      });
      if (activated.statusCode !== 200)
        throw new Error(`fuzz world: activate ${activated.statusCode} ${activated.body}`);
      const hours = await h.app.inject({
        method: "POST",
        url: `/api/placements/${res.json<{ id: string }>().id}/hours`,
        headers: await h.as(coordinator),
        payload: { date: "2031-03-05", hours: 3 },
      });
      if (hours.statusCode !== 201) throw new Error(`fuzz world: hours ${hours.statusCode} ${hours.body}`);
    }
  }
  const completed = await h.app.inject({
    method: "POST",
    url: `/api/placements/${placementIds[4]}/complete`,
    headers: await h.as(coordinator),
  });
  if (completed.statusCode !== 200) throw new Error(`fuzz world: complete ${completed.statusCode} ${completed.body}`);

  // Invited users (invitation tokens) and a password reset (its token).
  const invited: string[] = [];
  const schoolId = await h.orgId("Valley High");
  for (let i = 0; i < 2; i++) {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: await h.as(T.intermediary),
      payload: {
        email: `fuzz.invitee.${i}.${randomUUID().slice(0, 8)}@valley.example`,
        name: `Fuzz Invitee ${i}`,
        role: "teacher",
        organizationId: schoolId,
      },
    });
    if (res.statusCode === 201) invited.push(res.json<{ id: string }>().id);
  }
  await h.app.inject({
    method: "POST",
    url: "/api/auth/password-reset",
    payload: { email: T.teacher2 },
    remoteAddress: "10.77.0.1",
  });

  const orgs = await h.db.db
    .select({ id: organizations.id, type: organizations.type, regionId: organizations.regionId })
    .from(organizations);
  const valley = orgs.find((o) => o.id === schoolId)!.regionId;
  const here = orgs.filter((o) => o.regionId === valley);
  const byType = (type: string) => here.filter((o) => o.type === type).map((o) => o.id);
  const documentIds = (await h.db.db.select({ id: documents.id }).from(documents)).map((d) => d.id);
  const hoursIds = (await h.db.db.select({ id: hoursEntries.id }).from(hoursEntries)).map((e) => e.id);
  const pathwayIds = (
    await h.db.db.select({ id: pathways.id }).from(pathways).where(eq(pathways.regionId, valley))
  ).map((p) => p.id);
  const userIds = [
    ...invited,
    ...(await h.db.db.select({ id: users.id }).from(users).where(eq(users.regionId, valley))).map((u) => u.id),
  ];
  const tokens = await emailedTokens(h);

  const studentIds = students.map((s) => s.id);
  const opportunities = [...opportunityIds, ...tours.map((t) => t.id)];
  const requestIds = requests.map((r) => r.id);
  const matchIds = matches.map((m) => m.id);
  const all = [
    ...studentIds,
    ...opportunities,
    ...requestIds,
    ...matchIds,
    ...placementIds,
    ...here.map((o) => o.id),
    ...documentIds,
    ...userIds,
  ];
  return {
    ids: {
      any: all,
      studentId: studentIds,
      opportunityId: opportunities,
      requestId: requestIds,
      matchId: matchIds,
      placementId: placementIds,
      schoolId: byType("school"),
      districtId: byType("district"),
      employerId: byType("employer"),
      organizationId: here.map((o) => o.id),
      pathwayId: pathwayIds,
      documentId: documentIds,
      userId: userIds,
      email: [T.teacher, T.coordinator, T.employer, "COORDINATOR@valley.example", T.coastCoordinator],
      // Bulk bodies ({ ids: [...] }) and hours decisions ({ id }) name matches, placements and entries.
      id: [...matchIds, ...placementIds, ...hoursIds],
    },
    pathIds: {
      "students:id": studentIds,
      "opportunities:id": opportunities,
      "requests:id": requestIds,
      "matches:id": matchIds,
      "placements:id": placementIds,
      "placements:documentId": documentIds,
      "organizations:id": byType("employer"),
      "users:id": userIds,
      "documents:id": documentIds,
      "admin:outboxId": [randomUUID()],
      "insurance:id": [randomUUID()],
      "sign:token": tokens.sign,
      "hours:token": tokens.hours,
      "evaluate:token": tokens.evaluate,
      "invitations:token": tokens.invite,
      "auth:token": tokens["reset-password"],
    },
  };
}

/** Every one-time-link token in the emails sent so far, by kind; waits (5 s at most) for emails still being sent by jobs. */
async function emailedTokens(
  h: Harness,
): Promise<Record<"sign" | "hours" | "evaluate" | "invite" | "reset-password", string[]>> {
  for (let waited = 0; ; waited += 100) {
    const found = await tokensSoFar(h);
    const missing = Object.entries(found).filter(([, list]) => !list.length);
    if (!missing.length) return found;
    if (waited > 5000) throw new Error(`fuzz world: no ${missing.map(([k]) => k).join(", ")} token was emailed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tokensSoFar(h: Harness) {
  const found = {
    sign: [] as string[],
    hours: [] as string[],
    evaluate: [] as string[],
    invite: [] as string[],
    "reset-password": [] as string[],
  };
  for (const { text } of await h.db.db.select({ text: emails.text }).from(emails)) {
    for (const m of text.matchAll(
      /http:\/\/bridgework\.test\/(sign|hours|evaluate|invite|reset-password)\/([A-Za-z0-9_-]{20,})/g,
    ))
      found[m[1] as keyof typeof found].push(m[2]!);
  }
  return found;
}

/** Real values for a route's path parameters: `/api/<prefix>/...:name` → pathIds["<prefix>:name"]. */
export function pathValuesFor(world: World, route: RouteUnderTest, name: string): readonly string[] {
  const prefix = route.url.split("/")[2] ?? "";
  return world.pathIds[`${prefix}:${name}`] ?? [];
}

/**
 * Who sends each route's requests: someone allowed to call it, so the handler runs rather than a
 * 403. The intermediary by default (the widest role); the public one-time-link and auth routes
 * anonymously; employer and teacher routes as those roles. Keys are "METHOD url".
 */
const CALLER: Record<string, string | null> = {
  "POST /api/auth/login": null,
  "POST /api/auth/logout": null,
  "POST /api/auth/refresh": null,
  "POST /api/auth/password-reset": null,
  "POST /api/auth/password-reset/:token": null,
  "POST /api/invitations/:token/accept": null,
  "POST /api/sign/:token": null,
  "POST /api/hours/:token": null,
  "POST /api/evaluate/:token": null,
  "POST /api/matches/:id/accept": T.employer,
  "POST /api/matches/:id/schedule": T.employer,
  "POST /api/matches/:id/decline": T.employer,
  "POST /api/matches/:id/feedback": T.teacher,
  // The builder's own account: fuzzing PATCH /api/me must not change the intermediary who sends the rest.
  "PATCH /api/me": T.builder,
  "POST /api/me/calendar-feed": T.builder,
  "DELETE /api/me/calendar-feed": T.builder,
};

export function callerFor(route: RouteUnderTest): string | null {
  const key = `${route.method} ${route.url}`;
  if (key in CALLER) return CALLER[key] ?? null;
  if (
    route.url.startsWith("/api/sign/") ||
    route.url.startsWith("/api/hours/") ||
    route.url.startsWith("/api/evaluate/") ||
    route.url.startsWith("/api/invitations/")
  )
    return null;
  return T.intermediary;
}
