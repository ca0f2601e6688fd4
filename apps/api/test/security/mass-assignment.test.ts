import { users } from "@bridgework/db";
import type { Role } from "@bridgework/domain";
import { eq, getTableColumns, getTableName, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_TABLE } from "./access-table.ts";
import { IDENTITIES, type IdentityName } from "./identities.ts";
import { expectedFor, type RouteEntry } from "./matrix.ts";
import { createWorld, type World } from "./world.ts";

/**
 * Mass assignment, generated from the authorization table: every write route with a JSON body is
 * (and every other write: a body where none is expected must be ignored as well) is
 * called by each Valley role allowed to call it with its valid body PLUS privileged fields its
 * schema does not declare (ids, tenancy, ownership, status, timestamps, secrets), set to another
 * tenant's ids or to sentinels. The call must answer as without them, and afterwards no row
 * carries an injected value: not the row the answer names, nowhere in the database.
 */

const SENTINEL = "mass-assigned-7f3c";
const SENTINEL_ID = "7f3c0000-0000-4000-8000-00000000beef";
const SENTINEL_TIME = "2001-02-03T04:05:06.000Z";

function privileged(w: World, creates: boolean, caller: Role): Record<string, unknown> {
  return {
    id: SENTINEL_ID,
    regionId: w.ids.coast,
    organizationId: w.ids.coastEmployer,
    districtId: w.ids.coastDistrict,
    schoolId: w.ids.coastSchool,
    employerId: w.ids.coastEmployer,
    parentId: w.ids.coastDistrict,
    studentId: SENTINEL_ID,
    placementId: SENTINEL_ID,
    userId: w.ids.coastUser,
    createdBy: w.ids.coastUser,
    updatedBy: w.ids.coastUser,
    actorUserId: w.ids.coastUser,
    role: caller === "intermediary" ? "employer" : "intermediary",
    // A new record's state is the route's to choose; an action's answer legitimately carries its new state.
    ...(creates ? { status: "completed" } : {}),
    createdAt: SENTINEL_TIME,
    updatedAt: SENTINEL_TIME,
    approvedAt: SENTINEL_TIME,
    activatedAt: SENTINEL_TIME,
    completedAt: SENTINEL_TIME,
    signedAt: SENTINEL_TIME,
    decidedAt: SENTINEL_TIME,
    usedAt: SENTINEL_TIME,
    passwordHash: SENTINEL,
    tokenHash: SENTINEL,
    textSha256: SENTINEL,
    version: 999,
    verified: true,
    isAdmin: true,
    admin: true,
    insuranceOverride: { kind: "waiver", note: SENTINEL },
    askCapPerMonth: 999,
  };
}

const ROLES: Array<Extract<IdentityName, Role>> = ["intermediary", "coordinator", "teacher", "employer"];

/** "POST /api/placements/:id/hours" → the OpenAPI path and method. */
const openApiKey = (route: string) => {
  const [method, path] = route.split(" ") as [string, string];
  return { method: method.toLowerCase(), path: path.replace(/:(\w+)/g, "{$1}") };
};

let w: World;
let declared: (route: string) => Set<string>;
beforeAll(async () => {
  w = await createWorld();
  const spec = (await w.h.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
    >;
  }>();
  declared = (route) => {
    const { method, path } = openApiKey(route);
    return new Set(
      Object.keys(spec.paths[path]?.[method]?.requestBody?.content["application/json"]?.schema.properties ?? {}),
    );
  };
}, 60_000);
afterAll(() => w.h.close());

/** Per table, how many rows hold an injected value or name the other tenant (Coast), found through each row's text. */
async function rowsHoldingInjectedValues(): Promise<Record<string, number>> {
  const { rows: tables } = await w.h.db.db.execute<{ name: string }>(
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const needles = [
    SENTINEL,
    SENTINEL_ID,
    "2001-02-03",
    w.ids.coast,
    w.ids.coastEmployer,
    w.ids.coastDistrict,
    w.ids.coastSchool,
    w.ids.coastUser,
  ];
  const pattern = needles.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|");
  const counts = sql.join(
    tables.map(
      (t) =>
        sql`SELECT ${t.name} AS name, count(*)::int AS n FROM ${sql.identifier(t.name)} x WHERE x::text ~ ${pattern}`,
    ),
    sql` UNION ALL `,
  );
  const { rows } = await w.h.db.db.execute<{ name: string; n: number }>(counts);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

const writes = ACCESS_TABLE.filter((e) => e.route.split(" ")[0] !== "GET" && e.access !== "public" && !e.csv);
const cells = writes.flatMap((entry) =>
  ROLES.filter((role) => expectedFor(entry, role).status < 300).map((role) => ({ entry, role, route: entry.route })),
);

describe("mass assignment", () => {
  it.each(cells)(
    "$route as the $role: privileged fields it does not declare change nothing",
    async ({ entry, role }: { entry: RouteEntry; role: Extract<IdentityName, Role> }) => {
      const options = await entry.request(w, role);
      // A route without a body gets the privileged fields as its whole body: it must ignore them too.
      const body = (options.payload ?? {}) as Record<string, unknown>;
      expect(typeof body === "object" && !Array.isArray(body) && !Buffer.isBuffer(body), "a JSON body").toBe(true);
      const creates = !entry.route.includes(":");
      const injected = Object.fromEntries(
        Object.entries(privileged(w, creates, role)).filter(
          ([key]) => !(key in body) && !declared(entry.route).has(key),
        ),
      );
      const person = IDENTITIES[role];
      const [callerBefore] = await w.h.db.db.select().from(users).where(eq(users.email, person.email));
      const before = await rowsHoldingInjectedValues();

      const res = await w.h.app.inject({
        ...options,
        payload: { ...body, ...injected },
        headers: { ...(options.headers as Record<string, string> | undefined), ...(await w.h.as(person.email)) },
      });
      expect(res.statusCode, `${entry.route}: ${res.body.slice(0, 300)}`).toBe(expectedFor(entry, role).status);

      expect(await rowsHoldingInjectedValues(), "rows holding an injected value or the other tenant's ids").toEqual(
        before,
      );
      const [callerAfter] = await w.h.db.db.select().from(users).where(eq(users.email, person.email));
      expect({ ...callerAfter, updatedAt: null, language: null, name: null }).toEqual({
        ...callerBefore,
        updatedAt: null,
        language: null,
        name: null,
      });

      // The row the answer names keeps none of the injected values.
      const id =
        res.body && String(res.headers["content-type"] ?? "").includes("json")
          ? (res.json<{ id?: unknown }>().id as string | undefined)
          : undefined;
      if (!entry.table || typeof id !== "string") return;
      const columns = getTableColumns(entry.table);
      const [row] = await w.h.db.db
        .execute<Record<string, unknown>>(
          sql`SELECT * FROM ${sql.identifier(getTableName(entry.table))} WHERE id = ${id}`,
        )
        .then((r) => r.rows);
      expect(row, `${getTableName(entry.table)} row ${id}`).toBeDefined();
      for (const [key, value] of Object.entries(injected)) {
        const column = columns[key as keyof typeof columns];
        if (!column) continue;
        const stored = row![column.name];
        const same =
          stored instanceof Date ? stored.toISOString() === value : JSON.stringify(stored) === JSON.stringify(value);
        expect(same, `${getTableName(entry.table)}.${column.name} took the injected ${JSON.stringify(value)}`).toBe(
          false,
        );
      }
    },
  );
});
