import type { Role } from "@bridgework/domain";
import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { InjectOptions } from "fastify";
import { expect } from "vitest";
import { IDENTITIES, type IdentityName, isOutsider, REACH, type Scope } from "./identities.ts";
import type { World } from "./world.ts";

/**
 * One row of the authorization table: a registered route, who may call it with which scope, and
 * how to build a valid request with the world's real ids. See docs/architecture.md
 * ("Authorization matrix") for how to add one.
 */
export interface RouteEntry {
  /** "METHOD /path" exactly as Fastify registered it. */
  route: string;
  /**
   * `public`: no login, the same answer for anyone (the link or the address is the credential).
   * Otherwise each role that may call it, with the scope it reaches; a role left out gets 403,
   * nobody logged in 401.
   */
  access: "public" | Partial<Record<Role, Scope>>;
  /**
   * How a caller of an allowed role outside the scope is answered: `not-found` (default: the
   * request names a Valley record, which must look missing) or `filtered` (a list: 200, holding
   * none of the world's private records) or `region-visible` (the request names an organization
   * the whole region sees: 403 inside the region, 404 from another region).
   */
  outside?: "not-found" | "filtered" | "region-visible";
  /** The answer describes the API or serves a page, not records: no field check. */
  noRecords?: boolean;
  /** Status of an allowed call (default 200). */
  ok?: number;
  /** A valid request for this caller; writes build a fresh target (`w.fresh`) so every call can succeed. */
  request(w: World, who: IdentityName): Promise<InjectOptions> | InjectOptions;
  /** Statuses where the generic rule does not hold, each with its reason in a comment. */
  except?: Partial<Record<IdentityName, number>>;
  /**
   * A bulk route (`{ids}` → `{results}`): the call itself answers 200 to every allowed role, and
   * the one item's outcome carries the scope (ok, or a 404 problem for an out-of-scope id).
   */
  bulk?: boolean;
  /** The body is CSV text, not JSON (mass assignment has no fields to add). */
  csv?: boolean;
  /** The table a write inserts into or changes (mass assignment checks the row the answer names). */
  table?: PgTable;
}

/** Kinds of private data about a student, their guardian and their supervisor. */
export type Secret =
  | "guardianName"
  | "guardianEmail"
  | "guardianPhone"
  | "birthDate"
  | "ssid"
  | "studentLastName"
  | "localId"
  | "supervisorEmail"
  | "demographics";

const KEYS: Record<Secret, string[]> = {
  guardianName: ["guardian", "guardianName"],
  guardianEmail: ["guardianEmail"],
  guardianPhone: ["guardianPhone"],
  birthDate: ["birthDate"],
  ssid: ["ssid"],
  studentLastName: ["lastName"],
  localId: ["localId"],
  supervisorEmail: [],
  demographics: ["gender", "raceEthnicity", "englishLearner", "disability", "lowIncome"],
};

const GUARDIAN: Secret[] = ["guardianName", "guardianEmail", "guardianPhone"];
/**
 * What each caller must never receive (api.md: a teacher sees their school's students without
 * birth date, guardian or SSID, and no supervisor contact; an employer sees first name, last
 * initial, grade and school). Coordinators and intermediaries of the scope see the whole record.
 */
export const FORBIDDEN: Record<IdentityName | "public", Secret[]> = {
  anonymous: [...GUARDIAN, "birthDate", "ssid", "studentLastName", "localId", "supervisorEmail", "demographics"],
  public: ["guardianPhone", "birthDate", "ssid", "demographics"],
  intermediary: [],
  coordinator: [],
  teacher: [...GUARDIAN, "birthDate", "ssid", "supervisorEmail", "demographics"],
  employer: [...GUARDIAN, "birthDate", "ssid", "studentLastName", "localId", "demographics"],
  coast: [...GUARDIAN, "birthDate", "ssid", "studentLastName", "localId", "supervisorEmail", "demographics"],
  otherDistrict: [...GUARDIAN, "birthDate", "ssid", "studentLastName", "localId", "supervisorEmail", "demographics"],
  otherSchool: [...GUARDIAN, "birthDate", "ssid", "studentLastName", "localId", "supervisorEmail", "demographics"],
  otherEmployer: [...GUARDIAN, "birthDate", "ssid", "studentLastName", "localId", "supervisorEmail", "demographics"],
};

export interface Expected {
  status: number;
  problem?: "unauthenticated" | "forbidden" | "not-found";
}

export function expectedFor(entry: RouteEntry, who: IdentityName): Expected {
  const ok = entry.ok ?? 200;
  const override = entry.except?.[who];
  if (override !== undefined) return { status: override };
  if (entry.access === "public") return { status: ok };
  if (who === "anonymous") return { status: 401, problem: "unauthenticated" };
  const scope = entry.access[IDENTITIES[who].role];
  if (!scope) return { status: 403, problem: "forbidden" };
  if (REACH[who].includes(scope)) return { status: ok };
  if (entry.outside === "filtered") return { status: 200 };
  if (entry.outside === "region-visible" && REACH[who].includes("region")) return { status: 403, problem: "forbidden" };
  return { status: 404, problem: "not-found" };
}

/** The private values a caller must not receive, from every student and supervisor the world made. */
function forbiddenValues(w: World, secrets: Secret[]): string[] {
  const values: string[] = [];
  for (const s of w.students) {
    if (secrets.includes("guardianName")) values.push(s.guardianName!);
    if (secrets.includes("guardianEmail")) values.push(s.guardianEmail!);
    if (secrets.includes("guardianPhone")) values.push(s.guardianPhone!);
    if (secrets.includes("birthDate")) values.push(s.birthDate);
    if (secrets.includes("ssid")) values.push(s.ssid!);
    if (secrets.includes("studentLastName")) values.push(s.lastName);
    if (secrets.includes("localId")) values.push(s.localId);
  }
  if (secrets.includes("supervisorEmail")) values.push(...w.supervisorEmails);
  return values;
}

/** Walks a JSON answer and names every forbidden key and every string holding a forbidden value, with its path. */
export function leaks(body: unknown, keys: Set<string>, values: string[], path = "$"): string[] {
  if (typeof body === "string") {
    const found = values.find((v) => body.includes(v));
    return found ? [`${path} holds "${found}"`] : [];
  }
  if (Array.isArray(body)) return body.flatMap((item, i) => leaks(item, keys, values, `${path}[${i}]`));
  if (body && typeof body === "object") {
    return Object.entries(body).flatMap(([key, value]) => [
      ...(keys.has(key) && value !== null ? [`${path}.${key} is there`] : []),
      ...leaks(value, keys, values, `${path}.${key}`),
    ]);
  }
  return [];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: null });

/** A fingerprint of a whole table: a refused write must leave it exactly as it was. */
async function fingerprint(w: World, table: PgTable) {
  const { rows } = await w.h.db.db.execute<{ md5: string | null }>(
    sql`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5 FROM ${sql.identifier(getTableName(table))} x`,
  );
  return rows[0]!.md5;
}

async function call(w: World, options: InjectOptions, who: IdentityName) {
  const auth = who === "anonymous" ? {} : await w.h.as(IDENTITIES[who].email);
  return w.h.app.inject({
    ...options,
    headers: { ...(options.headers as Record<string, string> | undefined), ...auth },
  });
}

/**
 * Calls one cell and checks its status; a refused write changed nothing in its table; an
 * out-of-scope id is answered exactly as a missing one; an answer with data holds only the fields
 * this caller may receive, and nothing of Valley reaches another region.
 */
export async function runCell(w: World, entry: RouteEntry, who: IdentityName) {
  const options = await entry.request(w, who);
  let want = expectedFor(entry, who);
  const before = entry.table && want.status >= 400 ? await fingerprint(w, entry.table) : null;
  const res = await call(w, options, who);
  if (entry.bulk && (want.status === 200 || want.status === 404)) {
    expect(res.statusCode, `${entry.route} as ${who}: ${res.body.slice(0, 300)}`).toBe(200);
    const [item] = res.json<{ results: Array<{ ok: boolean; problem?: { status: number } }> }>().results;
    expect(
      item!.ok ? 200 : item!.problem!.status,
      `${entry.route} as ${who}: the item's outcome ${JSON.stringify(item)}`,
    ).toBe(want.status);
    want = { status: 200 };
  }
  expect(res.statusCode, `${entry.route} as ${who}: ${res.body.slice(0, 300)}`).toBe(want.status);
  if (want.problem) expect(res.json().type).toBe(`https://bridgework.dev/problems/${want.problem}`);
  if (before !== null)
    expect(
      await fingerprint(w, entry.table!),
      `${entry.route} as ${who} was refused but changed ${getTableName(entry.table!)}`,
    ).toBe(before);
  if (want.problem === "not-found") {
    // The same request with every id swapped for one that exists nowhere: the answer must not tell them apart.
    const swap = (text: string) => text.replace(UUID, MISSING_ID);
    const missing = await call(
      w,
      {
        ...options,
        url: swap(String(options.url)),
        ...(options.payload ? { payload: JSON.parse(swap(JSON.stringify(options.payload))) as object } : {}),
      },
      who,
    );
    expect(missing.statusCode, `${entry.route}: a missing id`).toBe(404);
    expect(withoutRequestId(res.json()), `${entry.route} as ${who}: answered unlike a missing id`).toEqual(
      withoutRequestId(missing.json()),
    );
  }
  if (res.statusCode >= 300 || entry.noRecords) return res;
  const secrets = FORBIDDEN[entry.access === "public" ? "public" : who];
  // Outsiders may see such fields of their own records: for them only the world's values count.
  const keys = new Set(isOutsider(who) ? [] : secrets.flatMap((s) => KEYS[s]));
  const values = forbiddenValues(w, secrets);
  // Another region sees no Valley id at all, except those it sent (a bulk answer names each id asked).
  if (who === "coast" && entry.access !== "public") {
    const sent = JSON.stringify([options.url, options.payload ?? null]);
    values.push(...w.valleyIds.filter((id) => !sent.includes(id)));
  }
  const json = String(res.headers["content-type"] ?? "").includes("json");
  const found =
    json && res.body
      ? leaks(res.json(), keys, values)
      : values.filter((v) => res.body.includes(v)).map((v) => `the body holds "${v}"`);
  expect(found, `${entry.route} as ${who} receives data it may not`).toEqual([]);
  return res;
}
