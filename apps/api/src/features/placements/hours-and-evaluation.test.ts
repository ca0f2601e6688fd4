import { emails, evaluations, hoursEntries, oneTimeLinks, placements } from "@bridgework/db";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  recordInsurance,
  signEverything,
} from "../../../test/fixtures/placement.fixtures.ts";

// The placement runs 2031-06-15 to 2031-07-31; "today" is inside it so hours can be logged.
const clock = manualClock(new Date("2031-07-01T17:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
  await recordInsurance(h, "Valley Medical Center", "2099-12-31");
});
afterAll(() => h.close());

async function activePlacement() {
  const student = await insertStudent(h);
  const body = placementBody(student.id, await insertOpportunity(h));
  const created = await createPlacement(h, body);
  expect(created.statusCode).toBe(201);
  await signEverything(h, created.json());
  const res = await h.app.inject({
    method: "POST",
    url: `/api/placements/${created.json().id}/activate`,
    headers: await h.as("coordinator@valley.example"),
  });
  expect(res.statusCode).toBe(200);
  return { id: created.json().id as string, supervisorEmail: body.supervisor.email };
}

const logHours = async (id: string, payload: object, as = "teacher@valley.example") =>
  h.app.inject({ method: "POST", url: `/api/placements/${id}/hours`, headers: await h.as(as), payload });

async function linksTo(to: string, kind: "hours" | "evaluate") {
  const rows = await h.db.db
    .select({ text: emails.text })
    .from(emails)
    .where(eq(emails.to, to))
    .orderBy(asc(emails.createdAt));
  const re = new RegExp(`http://bridgework\\.test/${kind}/([A-Za-z0-9_-]{40,})`, "g");
  return rows.flatMap((r) => [...r.text.matchAll(re)].map((m) => m[1]!));
}

describe("hours", () => {
  it("lets the teacher log pending hours and emails the supervisor an approval link that opening does not use", async () => {
    const { id, supervisorEmail } = await activePlacement();
    const res = await logHours(id, { date: "2031-06-20", hours: 6.5, note: "Lab orientation" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ date: "2031-06-20", hours: 6.5, note: "Lab orientation", status: "pending" });
    const [token] = await linksTo(supervisorEmail, "hours");
    for (let i = 0; i < 2; i++) {
      const shown = await h.app.inject({ method: "GET", url: `/api/hours/${token}` });
      expect(shown.statusCode).toBe(200);
      expect(shown.json().entries).toEqual([
        { id: res.json().id, date: "2031-06-20", hours: 6.5, note: "Lab orientation" },
      ]);
      expect(shown.json().placement.studentName).toMatch(/^Maya Q\.$/);
    }
  });

  it("approves and rejects through the link, which then answers 410; the placement sums approved and pending hours", async () => {
    const { id, supervisorEmail } = await activePlacement();
    const a = (await logHours(id, { date: "2031-06-16", hours: 4 })).json();
    const b = (await logHours(id, { date: "2031-06-17", hours: 5 }, "coordinator@valley.example")).json();
    const c = (await logHours(id, { date: "2031-06-18", hours: 3 })).json();
    const tokens = await linksTo(supervisorEmail, "hours");
    expect(tokens).toHaveLength(3);
    // Each new entry replaces the earlier link, whose batch it includes.
    expect((await h.app.inject({ method: "GET", url: `/api/hours/${tokens[0]}` })).statusCode).toBe(410);
    const latest = tokens[2]!;
    expect((await h.app.inject({ method: "GET", url: `/api/hours/${latest}` })).json().entries).toHaveLength(3);
    const decided = await h.app.inject({
      method: "POST",
      url: `/api/hours/${latest}`,
      payload: {
        decisions: [
          { id: a.id, approve: true },
          { id: b.id, approve: false },
        ],
      },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toEqual({ approved: 1, rejected: 1 });
    expect(
      (
        await h.app.inject({
          method: "POST",
          url: `/api/hours/${latest}`,
          payload: { decisions: [{ id: c.id, approve: true }] },
        })
      ).statusCode,
    ).toBe(410);
    const statuses = await h.db.db
      .select({ id: hoursEntries.id, status: hoursEntries.status })
      .from(hoursEntries)
      .where(eq(hoursEntries.placementId, id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [a.id]: "approved",
      [b.id]: "rejected",
      [c.id]: "pending",
    });
    const placement = await h.app.inject({
      method: "GET",
      url: `/api/placements/${id}`,
      headers: await h.as("coordinator@valley.example"),
    });
    expect(placement.json()).toMatchObject({ hoursApproved: 4, hoursPending: 3 });
  });

  it("refuses a decision about an entry that is not pending on this placement (400) without using the link", async () => {
    const { id, supervisorEmail } = await activePlacement();
    await logHours(id, { date: "2031-06-16", hours: 2 });
    const [token] = await linksTo(supervisorEmail, "hours");
    const res = await h.app.inject({
      method: "POST",
      url: `/api/hours/${token}`,
      payload: { decisions: [{ id: "00000000-0000-4000-8000-000000000000", approve: true }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "decisions.0.id" })]);
    expect((await h.app.inject({ method: "GET", url: `/api/hours/${token}` })).statusCode).toBe(200);
  });

  it("refuses hours on a placement that is not active (409), outside its dates or in the future (422)", async () => {
    const pending = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
    expect((await logHours(pending.json().id, { date: "2031-06-20", hours: 2 })).statusCode).toBe(409);
    const { id } = await activePlacement();
    expect((await logHours(id, { date: "2031-06-01", hours: 2 })).json().type).toBe(
      "https://bridgework.dev/problems/outside-window",
    );
    expect((await logHours(id, { date: "2031-07-02", hours: 2 })).statusCode).toBe(422);
    expect((await logHours(id, { date: "2031-06-20", hours: 25 })).statusCode).toBe(400);
  });

  it("refuses employers (403) and answers 404 to a teacher of another school", async () => {
    const { id } = await activePlacement();
    expect((await logHours(id, { date: "2031-06-20", hours: 2 }, "employer@valley.example")).statusCode).toBe(403);
    expect((await logHours(id, { date: "2031-06-20", hours: 2 }, "teacher2@valley.example")).statusCode).toBe(404);
  });
});

describe("the supervisor's evaluation", () => {
  it("emails an evaluation link on completion; GET shows it without using it, POST stores the evaluation and host-again once", async () => {
    const { id, supervisorEmail } = await activePlacement();
    expect(
      (
        await h.app.inject({
          method: "POST",
          url: `/api/placements/${id}/complete`,
          headers: await h.as("coordinator@valley.example"),
        })
      ).statusCode,
    ).toBe(200);
    const [token] = await linksTo(supervisorEmail, "evaluate");
    expect(token).toBeTruthy();
    const [link] = await h.db.db
      .select()
      .from(oneTimeLinks)
      .where(and(eq(oneTimeLinks.placementId, id), eq(oneTimeLinks.purpose, "evaluation")));
    expect(link!.expiresAt.getTime() - clock.now().getTime()).toBe(30 * 86_400_000);
    for (let i = 0; i < 2; i++)
      expect((await h.app.inject({ method: "GET", url: `/api/evaluate/${token}` })).statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: "POST", url: `/api/evaluate/${token}`, payload: { given: true, hostAgain: true } }))
        .statusCode,
    ).toBe(400);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/evaluate/${token}`,
      payload: { given: true, rating: 5, comments: "Curious and careful.", hostAgain: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ given: true, rating: 5, comments: "Curious and careful.", hostAgain: true });
    expect(
      (
        await h.app.inject({
          method: "POST",
          url: `/api/evaluate/${token}`,
          payload: { given: false, hostAgain: false },
        })
      ).statusCode,
    ).toBe(410);
    const [row] = await h.db.db.select().from(evaluations).where(eq(evaluations.placementId, id));
    expect(row).toMatchObject({ given: true, rating: 5, hostAgain: true });
  });

  it('records "not provided by employer" as given: false with no rating', async () => {
    const { id, supervisorEmail } = await activePlacement();
    await h.app.inject({
      method: "POST",
      url: `/api/placements/${id}/complete`,
      headers: await h.as("coordinator@valley.example"),
    });
    const [token] = await linksTo(supervisorEmail, "evaluate");
    const res = await h.app.inject({
      method: "POST",
      url: `/api/evaluate/${token}`,
      payload: { given: false, rating: 3, hostAgain: false },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ given: false, rating: null, comments: null, hostAgain: false });
  });
});

describe("the supervisor's language", () => {
  const mailTo = async (to: string) => {
    await h.jobs.drain();
    return h.db.db.select().from(emails).where(eq(emails.to, to)).orderBy(asc(emails.createdAt));
  };

  it("writes the hours approval in English by default, counting entries with the right plural, the expiry in the region's zone", async () => {
    const { id, supervisorEmail } = await activePlacement();
    await logHours(id, { date: "2031-06-16", hours: 4 });
    await logHours(id, { date: "2031-06-17", hours: 5 });
    const [one, two] = (await mailTo(supervisorEmail)).filter((e) => e.dedupeKey.startsWith("hours-link:"));
    expect(one!.subject).toMatch(/^Hours to approve: Maya Q\. at /);
    expect(one!.text).toContain("Maya Q. has 1 hours entry waiting for your approval");
    expect(two!.text).toContain("Maya Q. has 2 hours entries waiting for your approval");
    // Logged 2031-07-01 17:00 UTC; the link lasts 14 days: 10:00 AM Pacific daylight time.
    expect(two!.text).toContain("expires on July 15, 2031 at 10:00 AM PDT");
    expect(two!.text).toMatch(/Review hours: http:\/\/bridgework\.test\/hours\/[A-Za-z0-9_-]{40,}/);
  });

  it("writes the hours approval and the evaluation request in Spanish to a supervisor who reads Spanish", async () => {
    const { id, supervisorEmail } = await activePlacement();
    await h.db.db.update(placements).set({ supervisorLanguage: "es" }).where(eq(placements.id, id));
    await logHours(id, { date: "2031-06-16", hours: 4 });
    await logHours(id, { date: "2031-06-17", hours: 5 });
    const hours = (await mailTo(supervisorEmail)).filter((e) => e.dedupeKey.startsWith("hours-link:"));
    expect(hours[1]!.subject).toMatch(/^Horas por aprobar: Maya Q\. en /);
    expect(hours[0]!.text).toContain("Maya Q. tiene 1 registro de horas pendiente de su aprobación");
    expect(hours[1]!.text).toContain("Maya Q. tiene 2 registros de horas pendientes de su aprobación");
    expect(hours[1]!.text).toContain("vence el 15 de julio de 2031 a las 10:00 a.m. PDT");
    expect(hours[1]!.html).toContain('lang="es"');

    expect(
      (
        await h.app.inject({
          method: "POST",
          url: `/api/placements/${id}/complete`,
          headers: await h.as("coordinator@valley.example"),
        })
      ).statusCode,
    ).toBe(200);
    const evaluation = (await mailTo(supervisorEmail)).find((e) => e.dedupeKey.endsWith(":evaluation"))!;
    expect(evaluation.subject).toMatch(/^¿Cómo le fue a Maya Q\.\? Evaluación de /);
    expect(evaluation.text).toContain("(del 15 de junio de 2031 al 31 de julio de 2031)");
    expect(evaluation.text).toMatch(/Evaluar al estudiante: http:\/\/bridgework\.test\/evaluate\/[A-Za-z0-9_-]{40,}/);
  });
});
