import { auditLog, organizations, pathways, regions, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness.ts";

/**
 * Nobody sees another region's data: a Valley id used by a Coast user answers exactly like an
 * id that does not exist, and Coast lists never hold Valley rows. To cover a new endpoint, add
 * a row to `byId` (requests naming a Valley id) and to `lists`.
 */

const COAST = {
  intermediary: "intermediary@coast.example",
  coordinator: "coordinator@coast.example",
  employer: "employer@coast.example",
} as const;
type CoastRole = keyof typeof COAST;

/** Valley ids a Coast user might try, filled in beforeAll. */
interface ValleyIds {
  district: string;
  school: string;
  employer: string;
  intermediary: string;
  /** An entity the Valley intermediary changed, so it has audit entries. */
  audited: string;
}

interface ByIdCase {
  name: string;
  as: CoastRole[];
  request: (v: ValleyIds | Record<keyof ValleyIds, string>) => InjectOptions;
  /**
   * "not-found": 404, same body as for a missing id; "like-missing": refused exactly as for a
   * missing id (e.g. a body reference checked as input); "empty": a list answer with no items.
   */
  expect: "not-found" | "like-missing" | "empty";
}

const byId: ByIdCase[] = [
  {
    name: "GET /api/organizations/:id (district)",
    as: ["intermediary", "coordinator", "employer"],
    request: (v) => ({ method: "GET", url: `/api/organizations/${v.district}` }),
    expect: "not-found",
  },
  {
    name: "GET /api/organizations/:id (employer)",
    as: ["intermediary", "coordinator", "employer"],
    request: (v) => ({ method: "GET", url: `/api/organizations/${v.employer}` }),
    expect: "not-found",
  },
  {
    name: "PATCH /api/organizations/:id",
    as: ["intermediary"],
    request: (v) => ({ method: "PATCH", url: `/api/organizations/${v.employer}`, payload: { name: "Taken Over" } }),
    expect: "not-found",
  },
  {
    name: "POST /api/users/:id/invitation",
    as: ["intermediary", "coordinator", "employer"],
    request: (v) => ({ method: "POST", url: `/api/users/${v.intermediary}/invitation` }),
    expect: "not-found",
  },
  {
    name: "POST /api/users into a Valley school",
    as: ["intermediary", "coordinator"],
    request: (v) => ({
      method: "POST",
      url: "/api/users",
      payload: { email: `spy${Math.random()}@coast.example`, name: "Spy", role: "teacher", organizationId: v.school },
    }),
    expect: "not-found",
  },
  {
    name: "POST /api/users into a Valley employer",
    as: ["intermediary", "employer"],
    request: (v) => ({
      method: "POST",
      url: "/api/users",
      payload: {
        email: `spy${Math.random()}@coast.example`,
        name: "Spy",
        role: "employer",
        organizationId: v.employer,
      },
    }),
    expect: "not-found",
  },
  {
    name: "POST /api/pathways at a Valley school",
    as: ["intermediary", "coordinator"],
    request: (v) => ({
      method: "POST",
      url: "/api/pathways",
      payload: { name: "Spy Pathway", sector: "Public Services", schoolId: v.school },
    }),
    expect: "not-found",
  },
  {
    name: "POST /api/organizations with a Valley district as parent",
    as: ["intermediary"],
    request: (v) => ({
      method: "POST",
      url: "/api/organizations",
      payload: { type: "school", name: "Spy High", parentId: v.district },
    }),
    expect: "like-missing",
  },
  {
    name: "GET /api/audit?entityId=<Valley id>",
    as: ["intermediary", "coordinator"],
    request: (v) => ({ method: "GET", url: `/api/audit?entityId=${v.audited}` }),
    expect: "empty",
  },
  {
    name: "GET /api/users?organizationId=<Valley org>",
    as: ["intermediary"],
    request: (v) => ({ method: "GET", url: `/api/users?organizationId=${v.intermediary}` }),
    expect: "empty",
  },
  {
    name: "GET /api/pathways?schoolId=<Valley school>",
    as: ["intermediary", "coordinator", "employer"],
    request: (v) => ({ method: "GET", url: `/api/pathways?schoolId=${v.school}` }),
    expect: "empty",
  },
];

/** List endpoints and how to tell a Valley row in their items. */
const lists: Array<{
  url: string;
  as: CoastRole[];
  valley: (item: Record<string, unknown>, ids: ValleySets) => boolean;
}> = [
  {
    url: "/api/organizations?pageSize=100",
    as: ["intermediary", "coordinator", "employer"],
    valley: (i, s) => s.orgs.has(i.id as string) || i.regionId !== s.coastRegion,
  },
  {
    url: "/api/users?pageSize=100",
    as: ["intermediary", "coordinator", "employer"],
    valley: (i, s) => s.users.has(i.id as string) || s.orgs.has(i.organizationId as string),
  },
  {
    url: "/api/pathways?pageSize=100",
    as: ["intermediary", "coordinator", "employer"],
    valley: (i, s) => s.pathways.has(i.id as string) || s.orgs.has(i.schoolId as string),
  },
  {
    url: "/api/audit?pageSize=100",
    as: ["intermediary", "coordinator"],
    valley: (i, s) =>
      s.audit.has(i.id as number) ||
      s.orgs.has(i.entityId as string) ||
      s.users.has((i.actor as { id: string } | null)?.id ?? ""),
  },
];

interface ValleySets {
  coastRegion: string;
  orgs: Set<string>;
  users: Set<string>;
  pathways: Set<string>;
  audit: Set<number>;
}

let h: Harness;
let valley: ValleyIds;
let sets: ValleySets;

beforeAll(async () => {
  h = await createHarness();
  // Give both regions audit history: each intermediary edits one of its employers.
  const valleyEmployer = await h.orgId("Valley Medical Center");
  const coastEmployer = await h.orgId("Harbor Marine Lab");
  for (const [who, id] of [
    ["intermediary@valley.example", valleyEmployer],
    [COAST.intermediary, coastEmployer],
  ] as const) {
    const res = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${id}`,
      headers: await h.as(who),
      payload: { askCapPerMonth: 6 },
    });
    expect(res.statusCode).toBe(200);
  }
  // The Coast coordinator's own action, so its district-scoped audit view has something in it.
  const pathway = await h.app.inject({
    method: "POST",
    url: "/api/pathways",
    headers: await h.as(COAST.coordinator),
    payload: {
      name: "Ocean Engineering",
      sector: "Engineering and Architecture",
      schoolId: await h.orgId("Coast High"),
    },
  });
  expect(pathway.statusCode).toBe(201);
  valley = {
    district: await h.orgId("Valley Unified"),
    school: await h.orgId("Valley High"),
    employer: valleyEmployer,
    intermediary: await h.orgId("Valley Career Pathways Collaborative"),
    audited: valleyEmployer,
  };
  const [valleyRegion] = await h.db.db.select().from(regions).where(eq(regions.slug, "valley"));
  const [coastRegion] = await h.db.db.select().from(regions).where(eq(regions.slug, "coast"));
  const ids = async <T>(rows: Promise<Array<{ id: T }>>) => new Set((await rows).map((r) => r.id));
  sets = {
    coastRegion: coastRegion!.id,
    orgs: await ids(
      h.db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.regionId, valleyRegion!.id)),
    ),
    users: await ids(h.db.db.select({ id: users.id }).from(users).where(eq(users.regionId, valleyRegion!.id))),
    pathways: await ids(
      h.db.db.select({ id: pathways.id }).from(pathways).where(eq(pathways.regionId, valleyRegion!.id)),
    ),
    audit: await ids(h.db.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.regionId, valleyRegion!.id))),
  };
  expect(sets.audit.size).toBeGreaterThan(0);
});
afterAll(() => h.close());

/** The same request with every Valley id swapped for one that exists nowhere. */
const MISSING: Record<keyof ValleyIds, string> = {
  district: "00000000-0000-4000-8000-000000000001",
  school: "00000000-0000-4000-8000-000000000002",
  employer: "00000000-0000-4000-8000-000000000003",
  intermediary: "00000000-0000-4000-8000-000000000004",
  audited: "00000000-0000-4000-8000-000000000005",
};

const withoutRequestId = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== "requestId"));

describe("region isolation: Valley ids seen from Coast", () => {
  const cases = byId.flatMap((c) => c.as.map((role) => ({ ...c, role })));

  it.each(cases)(
    "$name as the Coast $role answers as for a missing id ($expect)",
    async ({ role, request, expect: outcome }) => {
      const headers = await h.as(COAST[role]);
      const res = await h.app.inject({ ...request(valley), headers });
      if (outcome === "empty") {
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toEqual([]);
        if ("total" in res.json()) expect(res.json().total).toBe(0);
        return;
      }
      if (outcome === "not-found") {
        expect(res.statusCode).toBe(404);
        expect(res.json().type).toBe("https://bridgework.dev/problems/not-found");
      }
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      // Identical to a truly missing id: the answer does not reveal that the Valley record exists.
      const missing = await h.app.inject({ ...request(MISSING), headers });
      expect(missing.statusCode).toBe(res.statusCode);
      expect(withoutRequestId(res.json())).toEqual(withoutRequestId(missing.json()));
    },
  );

  it("leaves the Valley employer unchanged after the Coast intermediary tried to rename it", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: `/api/organizations/${valley.employer}`,
      headers: await h.as("intermediary@valley.example"),
    });
    expect(res.json().name).toBe("Valley Medical Center");
  });
});

describe("region isolation: Coast lists", () => {
  const cases = lists.flatMap((l) => l.as.map((role) => ({ ...l, role })));

  it.each(cases)(
    "$url as the Coast $role holds Coast rows and no Valley row",
    async ({ url, role, valley: isValley }) => {
      const res = await h.app.inject({ method: "GET", url, headers: await h.as(COAST[role]) });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((item) => isValley(item, sets))).toEqual([]);
    },
  );
});
