import { students } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMatchVia,
  insertOpportunity as insertTour,
  insertRequest,
  T,
  TEST_NOW,
} from "../fixtures/match.fixtures.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  recordInsurance,
  signEverything,
} from "../fixtures/placement.fixtures.ts";
import { findUnstorableText } from "../../src/lib/text-input.ts";
import { createHarness, type Harness, manualClock } from "../harness.ts";

// Regression tests for what the fuzz suite found (docs/api.md, "Input limits"): each failed before its fix.
let h: Harness;
let ids: { school: string; employer: string; match: string; activePlacement: string; student: string };

beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
  await recordInsurance(h, "Valley Medical Center", "2099-12-31");
  const request = await insertRequest(h);
  const match = await createMatchVia(h, T.intermediary, request.id, (await insertTour(h)).id);
  const student = await insertStudent(h);
  const created = await createPlacement(
    h,
    placementBody(student.id, await insertOpportunity(h), { startDate: "2031-03-01", endDate: "2031-04-30" }),
  );
  await signEverything(h, created.json());
  await h.app.inject({
    method: "POST",
    url: `/api/placements/${created.json().id}/activate`,
    headers: await h.as(T.coordinator),
  });
  ids = {
    school: await h.orgId("Valley High"),
    employer: await h.orgId("Valley Medical Center"),
    match: match.id,
    activePlacement: created.json().id,
    student: (await insertStudent(h)).id,
  };
});
afterAll(() => h.close());

type Call = { method: "GET" | "POST" | "PATCH"; url: string; as: string; payload?: Record<string, unknown> };

async function call(c: Call, language = "en") {
  return h.app.inject({
    method: c.method,
    url: c.url,
    headers: { ...(await h.as(c.as)), "accept-language": language },
    ...(c.payload ? { payload: c.payload } : {}),
  });
}

const request = (over: Record<string, unknown>) => ({
  kind: "industry_tour",
  sector: "Health Science and Medical Technology",
  schoolId: ids.school,
  students: 3,
  gradeLevels: [11],
  windowStart: "2031-04-01",
  windowEnd: "2031-04-30",
  modality: "in_person",
  ...over,
});
const student = (over: Record<string, unknown>) => ({
  localId: `L-${Math.random().toString(36).slice(2, 9)}`,
  firstName: "Ana",
  lastName: "Ruiz",
  birthDate: "2014-02-03",
  grade: 11,
  schoolId: ids.school,
  ...over,
});
const opportunity = (over: Record<string, unknown>) => ({
  kind: "industry_tour",
  sector: "Health Science and Medical Technology",
  title: "Lab tour",
  description: "",
  modality: "in_person",
  capacity: 10,
  requirements: [],
  paid: false,
  employerId: ids.employer,
  ...over,
});

describe("dates outside the years we accept", () => {
  // Each place the review found answering 500 for a year-0 date, and the field the answer names.
  const places: Array<{ name: string; call: () => Call; field: string; years: string }> = [
    {
      name: "a request's window",
      call: () => ({
        method: "POST",
        url: "/api/requests",
        as: T.intermediary,
        payload: request({ windowStart: "0000-01-01" }),
      }),
      field: "windowStart",
      years: "2000 to 2199",
    },
    {
      name: "a student's birth date",
      call: () => ({
        method: "POST",
        url: "/api/students",
        as: T.intermediary,
        payload: student({ birthDate: "0000-01-01" }),
      }),
      field: "birthDate",
      years: "1900 to 2199",
    },
    {
      name: "a student's birth date (edit)",
      call: () => ({
        method: "PATCH",
        url: `/api/students/${ids.student}`,
        as: T.intermediary,
        payload: { birthDate: "1899-12-31" },
      }),
      field: "birthDate",
      years: "1900 to 2199",
    },
    {
      name: "an insurance certificate's expiry",
      call: () => ({
        method: "POST",
        url: `/api/organizations/${ids.employer}/insurance`,
        as: T.intermediary,
        payload: { carrier: "GSM", policyNumber: "GL-1", coverageAmount: 1_000_000, expiresOn: "0000-01-01" },
      }),
      field: "expiresOn",
      years: "2000 to 2199",
    },
    {
      name: "a report's from",
      call: () => ({ method: "GET", url: "/api/reports/placements?from=0000-01-01", as: T.intermediary }),
      field: "from",
      years: "2000 to 2199",
    },
    {
      name: "the unmet-demand report's from",
      call: () => ({ method: "GET", url: "/api/reports/unmet-demand?from=0000-01-01", as: T.intermediary }),
      field: "from",
      years: "2000 to 2199",
    },
    {
      name: "the CSV report's to",
      call: () => ({ method: "GET", url: "/api/reports/placements.csv?to=0000-01-01", as: T.intermediary }),
      field: "to",
      years: "2000 to 2199",
    },
    {
      name: "an opportunity's start",
      call: () => ({
        method: "POST",
        url: "/api/opportunities",
        as: T.intermediary,
        payload: opportunity({ startsAt: "0000-01-01T00:00:00Z" }),
      }),
      field: "startsAt",
      years: "2000 to 2199",
    },
    // Valid ISO, but past 9999 in UTC: JavaScript writes "+010000-…", which the answer's own schema refused.
    {
      name: "an opportunity's end past 9999 in UTC",
      call: () => ({
        method: "POST",
        url: "/api/opportunities",
        as: T.intermediary,
        payload: opportunity({ endsAt: "9999-12-31T23:00:00-05:00" }),
      }),
      field: "endsAt",
      years: "2000 to 2199",
    },
    {
      name: "a match's schedule",
      call: () => ({
        method: "POST",
        url: `/api/matches/${ids.match}/schedule`,
        as: T.employer,
        payload: { scheduledAt: "0000-01-01T10:00:00+01:00" },
      }),
      field: "scheduledAt",
      years: "2000 to 2199",
    },
    {
      name: "a match's acceptance time",
      call: () => ({
        method: "POST",
        url: `/api/matches/${ids.match}/accept`,
        as: T.employer,
        payload: { scheduledAt: "0001-01-01T10:00:00Z" },
      }),
      field: "scheduledAt",
      years: "2000 to 2199",
    },
    {
      name: "a placement's start",
      call: () => ({
        method: "POST",
        url: "/api/placements",
        as: T.coordinator,
        payload: placementBody(ids.student, "00000000-0000-4000-8000-000000000000", { startDate: "0000-01-01" }),
      }),
      field: "startDate",
      years: "2000 to 2199",
    },
    {
      name: "logged hours",
      call: () => ({
        method: "POST",
        url: `/api/placements/${ids.activePlacement}/hours`,
        as: T.coordinator,
        payload: { date: "0000-01-01", hours: 2 },
      }),
      field: "date",
      years: "2000 to 2199",
    },
    {
      name: "the calendar's range",
      call: () => ({ method: "GET", url: "/api/calendar?from=0000-01-01&to=0000-01-31", as: T.teacher }),
      field: "from",
      years: "2000 to 2199",
    },
    {
      name: "opportunities open on a day",
      call: () => ({ method: "GET", url: "/api/opportunities?on=0000-01-01", as: T.teacher }),
      field: "on",
      years: "2000 to 2199",
    },
  ];

  for (const place of places) {
    it(`answers 400 naming the field for ${place.name}, in English and Spanish`, async () => {
      const en = await call(place.call());
      expect(en.statusCode, en.body).toBe(400);
      expect(en.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(en.json().errors).toContainEqual({
        path: place.field,
        message: `Enter a date from the years ${place.years}.`,
      });
      const es = await call(place.call(), "es");
      expect(es.json().errors).toContainEqual({
        path: place.field,
        message: `Escriba una fecha de los años ${place.years.replace(" to ", " a ")}.`,
      });
    });
  }

  it("accepts the first and last days of the ranges", async () => {
    expect(
      (
        await call({
          method: "POST",
          url: "/api/requests",
          as: T.intermediary,
          payload: request({ windowStart: "2000-01-01", windowEnd: "2199-12-31" }),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call({
          method: "POST",
          url: "/api/students",
          as: T.intermediary,
          payload: student({ birthDate: "1900-01-01" }),
        })
      ).statusCode,
    ).toBe(201);
  });

  it("gives a malformed date only the format's message, not the range's too", async () => {
    const res = await call({
      method: "POST",
      url: "/api/requests",
      as: T.intermediary,
      payload: request({ windowStart: "10000-01-01" }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "windowStart", message: "Enter a date (YYYY-MM-DD)." }]);
  });
});

describe("text that cannot be stored", () => {
  it("refuses a lone surrogate with 400 naming the field, and stores nothing (it was stored as U+FFFD)", async () => {
    const localId = `SUR-${Date.now()}`;
    const res = await h.app.inject({
      method: "POST",
      url: "/api/students",
      headers: { ...(await h.as(T.intermediary)), "content-type": "application/json" },
      payload: `{"localId":"${localId}","firstName":"An\\ud800a","lastName":"Ruiz","birthDate":"2014-02-03","grade":11,"schoolId":"${ids.school}"}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/validation",
      errors: [{ path: "firstName", message: "Text may not contain NUL characters or invalid UTF-8." }],
    });
    expect(await h.db.db.select().from(students).where(eq(students.localId, localId))).toEqual([]);
  });

  it("refuses a NUL character with 400 naming the nested field, in Spanish too", async () => {
    const res = await call(
      {
        method: "POST",
        url: "/api/students",
        as: T.intermediary,
        payload: student({ guardian: { name: "Rosa\u0000", email: "rosa@family.example" } }),
      },
      "es",
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: "guardian.name", message: "El texto no puede contener caracteres NUL ni UTF-8 no válido." },
    ]);
  });

  it("refuses a lone surrogate in an object key and in the querystring", async () => {
    const key = await h.app.inject({
      method: "PATCH",
      url: `/api/students/${ids.student}`,
      headers: { ...(await h.as(T.intermediary)), "content-type": "application/json" },
      payload: '{"\\udc00":1}',
    });
    expect(key.statusCode).toBe(400);
    expect(key.json().errors[0].path).toBe("\udc00");
    const query = await call({ method: "GET", url: "/api/students?q=a%00b", as: T.intermediary });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toEqual([
      { path: "q", message: "Text may not contain NUL characters or invalid UTF-8." },
    ]);
  });

  it("keeps emoji and other well-formed pairs", async () => {
    const res = await call({
      method: "POST",
      url: "/api/students",
      as: T.intermediary,
      payload: student({ firstName: "Zoë 👩🏽‍🔬" }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().firstName).toBe("Zoë 👩🏽‍🔬");
  });

  it("finds bad text under 100k levels of nesting without running out of stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(100_000);
    expect(findUnstorableText({ a: [{ b: "ok" }, "fine 😀"] })).toBeNull();
  });
});

describe("addresses the router cannot read", () => {
  it("answers a broken %-escape in the path with a 400 problem (was Fastify's own JSON)", async () => {
    const res = await call({ method: "GET", url: "/api/students/%F0%9F", as: T.intermediary });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/validation",
      errors: [{ path: "params" }],
    });
  });

  it("answers a path parameter over the router's limit with a 414 problem, in Spanish too", async () => {
    const res = await call(
      { method: "POST", url: `/api/placements/${"x".repeat(3000)}/complete`, as: T.intermediary },
      "es",
    );
    expect(res.statusCode).toBe(414);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/uri-too-long",
      title: "URI demasiado larga",
    });
  });
});
