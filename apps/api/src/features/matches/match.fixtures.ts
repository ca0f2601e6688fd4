import { opportunities, organizations, requests, users } from "@bridgework/db";
import { type Kind, levelOf } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import type { Harness } from "../../../test/harness.ts";

/**
 * Test data written straight to the database (the opportunity and request endpoints belong to
 * another feature): rows as those endpoints would leave them. Tests only.
 */

type NewOpportunity = Partial<typeof opportunities.$inferInsert> & { employer?: string };

/** A published opportunity of a demo employer (Valley Medical Center unless `employer` names another). */
export async function insertOpportunity(h: Harness, o: NewOpportunity = {}) {
  const { employer = "Valley Medical Center", ...values } = o;
  const [org] = await h.db.db.select().from(organizations).where(eq(organizations.name, employer));
  const kind: Kind = values.kind ?? "industry_tour";
  const [row] = await h.db.db
    .insert(opportunities)
    .values({
      regionId: org!.regionId,
      employerId: org!.id,
      kind,
      level: levelOf(kind),
      sector: "Health Science and Medical Technology",
      title: `Test ${kind} at ${employer}`,
      modality: "in_person",
      city: org!.city,
      capacity: 25,
      status: "published",
      startsAt: new Date("2031-03-12T16:00:00Z"),
      endsAt: new Date("2031-03-12T18:00:00Z"),
      ...values,
    })
    .returning();
  return row!;
}

type NewRequest = Partial<typeof requests.$inferInsert> & { teacher?: string };

/** An open request made by a demo teacher (teacher@valley.example unless `teacher` names another) for their school. */
export async function insertRequest(h: Harness, r: NewRequest = {}) {
  const { teacher = "teacher@valley.example", ...values } = r;
  const [user] = await h.db.db.select().from(users).where(eq(users.email, teacher));
  const [school] = await h.db.db.select().from(organizations).where(eq(organizations.id, user!.organizationId));
  const kind: Kind = values.kind ?? "industry_tour";
  const [row] = await h.db.db
    .insert(requests)
    .values({
      regionId: user!.regionId,
      districtId: school!.parentId!,
      schoolId: school!.id,
      createdBy: user!.id,
      kind,
      level: levelOf(kind),
      sector: "Health Science and Medical Technology",
      students: 1,
      gradeLevels: [10, 11],
      windowStart: "2031-03-01",
      windowEnd: "2031-03-31",
      modality: "in_person",
      status: "open",
      ...values,
    })
    .returning();
  return row!;
}

/** POST as a demo user; returns the injected response. */
export async function post(h: Harness, as: string, url: string, payload?: unknown) {
  return h.app.inject({ method: "POST", url, headers: await h.as(as), ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function get(h: Harness, as: string, url: string) {
  return h.app.inject({ method: "GET", url, headers: await h.as(as) });
}

/** A match created through the API: proposed by the teacher, or approved when a coordinator creates it. */
export async function createMatchVia(h: Harness, as: string, requestId: string, opportunityId: string, seats = 1) {
  const res = await post(h, as, "/api/matches", { requestId, opportunityId, seats });
  if (res.statusCode !== 201) throw new Error(`create match failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string; duplicateAsk: boolean; askCapReached: boolean };
}

export const T = {
  teacher: "teacher@valley.example",
  teacher2: "teacher2@valley.example",
  coordinator: "coordinator@valley.example",
  riverbend: "coordinator@riverbend.example",
  intermediary: "intermediary@valley.example",
  employer: "employer@valley.example",
  builder: "builder@valley.example",
  coastCoordinator: "coordinator@coast.example",
  coastIntermediary: "intermediary@coast.example",
  coastEmployer: "employer@coast.example",
} as const;

/** Where every test clock starts: mid-month, far from the demo data's dates. */
export const TEST_NOW = new Date("2031-03-10T15:00:00Z");
