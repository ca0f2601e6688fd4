import { auditLog, growInvitations } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedEmployerWithHistory, setEmployerPreferences } from "../../../test/fixtures/grow.fixtures.ts";
import {
  createMatchVia,
  get,
  insertOpportunity,
  insertRequest,
  post,
  T,
  TEST_NOW,
} from "../../../test/fixtures/match.fixtures.ts";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";

const PROBLEM = "https://bridgework.dev/problems/";
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
});
afterAll(() => h.close());

let n = 0;
/** A fresh employer with `talks` completed guest talks rated 5 with "host again". */
async function employer(
  talks = 2,
  extra: Parameters<typeof seedEmployerWithHistory>[1] extends infer O ? Partial<O> : never = {},
) {
  n++;
  return seedEmployerWithHistory(h.db.db, {
    name: `Grow Test Co ${n}`,
    contactEmail: `contact${n}@grow.example`,
    now: TEST_NOW,
    talks,
    ...extra,
  });
}

const invite = (id: string, as: string = T.intermediary) =>
  post(h, as, `/api/employers/${id}/grow-invitations`, { kind: "job_shadow", rule: "talks-to-shadow" });

/** A teacher's proposal to the employer, approved by the coordinator: the API's answer. */
async function proposeAndApprove(employerName: string) {
  const opportunity = await insertOpportunity(h, { employer: employerName });
  const request = await insertRequest(h);
  const match = await createMatchVia(h, T.teacher, request.id, opportunity.id);
  return post(h, T.coordinator, `/api/matches/${match.id}/approve`);
}

describe("the grow list", () => {
  it("names an employer with two well-rated guest talks, with the reason, and leaves out one with a single talk or poor ratings", async () => {
    const ready = await employer(2);
    const single = await employer(1);
    const poor = await employer(3, { rating: 3 });
    const res = await get(h, T.intermediary, "/api/employers/grow");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { employerId: string; rule: string; reason: string; asks: unknown }[];
    const row = items.find((i) => i.employerId === ready.employerId);
    expect(row).toMatchObject({
      rule: "talks-to-shadow",
      kind: "job_shadow",
      count: 2,
      asks: { asksThisMonth: 0, askCapPerMonth: 4, capReached: false, blackoutNow: false },
    });
    expect(row!.reason).toContain("job shadow");
    expect(items.some((i) => i.employerId === single.employerId)).toBe(false);
    expect(items.some((i) => i.employerId === poor.employerId)).toBe(false);

    const coordinator = await h.app.inject({
      method: "GET",
      url: "/api/employers/grow",
      headers: { ...(await h.as(T.coordinator)) },
    });
    expect(coordinator.statusCode).toBe(403);
    for (const who of [T.teacher, T.employer]) expect((await get(h, who, "/api/employers/grow")).statusCode).toBe(403);
  });

  it("sends the invitation in the contact's language, records it, audits it, counts it as an ask and takes the employer off the list", async () => {
    const e = await employer(2, { contactLanguage: "es" });
    const res = await invite(e.employerId);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: "job_shadow", rule: "talks-to-shadow", asks: { asksThisMonth: 1 } });
    const mail = await h.lastEmailTo(`contact${n}@grow.example`);
    expect(mail?.subject).toContain("Un paso más");
    expect(mail?.text).toContain("observación");
    const rows = await h.db.db.select().from(growInvitations).where(eq(growInvitations.employerId, e.employerId));
    expect(rows).toHaveLength(1);
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, e.employerId), eq(auditLog.action, "grow-invitation")));
    expect(audits).toHaveLength(1);
    // Still listed, marked invited, with this month's asks up by one.
    const list = (await get(h, T.intermediary, "/api/employers/grow")).json().items as {
      employerId: string;
      invitedAt: string | null;
      asks: { asksThisMonth: number };
    }[];
    expect(list.find((i) => i.employerId === e.employerId)).toMatchObject({
      invitedAt: TEST_NOW.toISOString(),
      asks: { asksThisMonth: 1 },
    });
    // A second invitation to the same step is refused: the rule no longer applies for 90 days.
    const again = await invite(e.employerId);
    expect(again.statusCode).toBe(422);
    expect(again.json().type).toBe(`${PROBLEM}rule-violation`);
  });

  it("refuses a rule/kind pair that does not go together, other roles (403) and another region's employer (404)", async () => {
    const e = await employer(2);
    const wrong = await post(h, T.intermediary, `/api/employers/${e.employerId}/grow-invitations`, {
      kind: "internship",
      rule: "talks-to-shadow",
    });
    expect(wrong.statusCode).toBe(400);
    expect((await invite(e.employerId, T.coordinator)).statusCode).toBe(403);
    expect((await invite(e.employerId, T.employer)).statusCode).toBe(403);
    expect((await invite(e.employerId, T.coastIntermediary)).statusCode).toBe(404);
  });

  it("with a cap of 1: an invitation uses it up and an approval is then refused", async () => {
    const e = await employer(2, { askCapPerMonth: 1 });
    expect((await invite(e.employerId)).statusCode).toBe(201);
    const refused = await proposeAndApprove(`Grow Test Co ${n}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe(`${PROBLEM}ask-limit-reached`);
  });

  it("with a cap of 1: an approval uses it up, the grow list says so, and an invitation is then refused", async () => {
    const e = await employer(2, { askCapPerMonth: 1 });
    expect((await proposeAndApprove(`Grow Test Co ${n}`)).statusCode).toBe(200);
    const row = (await get(h, T.intermediary, "/api/employers/grow"))
      .json()
      .items.find((i: { employerId: string }) => i.employerId === e.employerId);
    expect(row.asks).toMatchObject({ asksThisMonth: 1, askCapPerMonth: 1, capReached: true });
    const refused = await invite(e.employerId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe(`${PROBLEM}ask-limit-reached`);
    expect(await h.db.db.select().from(growInvitations).where(eq(growInvitations.employerId, e.employerId))).toEqual(
      [],
    );
  });

  it("refuses an invitation and an approval in a blackout month (the region's month), and allows both otherwise", async () => {
    const e = await employer(2);
    // TEST_NOW is March 10 in Los Angeles.
    await setEmployerPreferences(h.db.db, e.employerId, { blackoutMonths: [3, 7] });
    const listed = (await get(h, T.intermediary, "/api/employers/grow"))
      .json()
      .items.find((i: { employerId: string }) => i.employerId === e.employerId);
    expect(listed.asks.blackoutNow).toBe(true);
    const refused = await invite(e.employerId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe(`${PROBLEM}blackout-month`);
    expect(refused.json().detail).toContain("March");
    const approval = await proposeAndApprove(`Grow Test Co ${n}`);
    expect(approval.statusCode).toBe(422);
    expect(approval.json().type).toBe(`${PROBLEM}blackout-month`);

    await setEmployerPreferences(h.db.db, e.employerId, { blackoutMonths: [7] });
    expect((await invite(e.employerId)).statusCode).toBe(201);
  });

  it("lets exactly one of 8 simultaneous invitations through at a cap of 1", async () => {
    const e = await employer(2, { askCapPerMonth: 1 });
    const results = await Promise.all(Array.from({ length: 8 }, () => invite(e.employerId)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 422)).toHaveLength(7);
    expect(
      await h.db.db.select().from(growInvitations).where(eq(growInvitations.employerId, e.employerId)),
    ).toHaveLength(1);
  });
});

describe("the employer relationship page", () => {
  it("shows the intermediary the timeline, contacts, asks, host-again rate and highest level, and audits the read", async () => {
    const e = await employer(2);
    await invite(e.employerId);
    const res = await get(h, T.intermediary, `/api/employers/${e.employerId}/relationship`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.employer.name).toBe(`Grow Test Co ${n}`);
    expect(body.contacts).toEqual([expect.objectContaining({ email: `contact${n}@grow.example`, status: "active" })]);
    expect(body.asks).toMatchObject({ asksThisMonth: 1, askCapPerMonth: 4 });
    expect(body.hostAgain).toEqual({ yes: 2, answers: 2, rate: 1 });
    expect(body.highestLevel.level).toBe("exposure");
    expect(body.readOnly).toBe(false);
    const types = body.timeline.map((t: { type: string }) => t.type);
    expect(types[0]).toBe("grow_invitation");
    expect(types.filter((t: string) => t === "ask")).toHaveLength(2);
    expect(types.filter((t: string) => t === "engagement")).toHaveLength(2);
    expect(types.filter((t: string) => t === "feedback")).toHaveLength(2);
    expect(body.timeline.find((t: { type: string }) => t.type === "ask")).toMatchObject({
      kind: "guest_speaker",
      level: "exposure",
      school: "Valley High",
      district: "Valley Unified",
    });
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, e.employerId), eq(auditLog.entity, "employer-relationship")));
    expect(audits).toHaveLength(1);
  });

  it("lets a coordinator read it (read-only, own district's asks only) and refuses teachers and employers; another region gets 404", async () => {
    const e = await employer(1);
    const own = await get(h, T.coordinator, `/api/employers/${e.employerId}/relationship`);
    expect(own.statusCode).toBe(200);
    expect(own.json().readOnly).toBe(true);
    expect(own.json().timeline.some((t: { type: string }) => t.type === "ask")).toBe(true);
    const other = await get(h, T.riverbend, `/api/employers/${e.employerId}/relationship`);
    expect(other.statusCode).toBe(200);
    expect(other.json().timeline.some((t: { type: string }) => t.type === "ask")).toBe(false);
    for (const who of [T.teacher, T.employer])
      expect((await get(h, who, `/api/employers/${e.employerId}/relationship`)).statusCode).toBe(403);
    expect((await get(h, T.coastIntermediary, `/api/employers/${e.employerId}/relationship`)).statusCode).toBe(404);
    // Not an employer: 404 like a missing one.
    const school = await h.orgId("Valley High");
    expect((await get(h, T.intermediary, `/api/employers/${school}/relationship`)).statusCode).toBe(404);
  });
});
