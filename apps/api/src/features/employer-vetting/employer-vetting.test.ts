import { auditLog, employerInterests, invitations, opportunities, organizations, users } from "@bridgework/db";
import { DUPLICATE_TEST_SET, normalizeCompanyName, trigramSimilarity } from "@bridgework/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { nameSimilarities } from "./employer-vetting.queries.ts";

let h: Harness;
let auth: { authorization: string };
let valleyRegion: string;
beforeAll(async () => {
  h = await createHarness();
  auth = await h.as("intermediary@valley.example");
  const [org] = await h.db.db
    .select({ regionId: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.id, await h.orgId("Valley Medical Center")));
  valleyRegion = org!.regionId;
});
afterAll(() => h.close());

let n = 0;
/** A confirmed submission, as the public form leaves it once the contact followed the link. */
async function submission(over: Partial<typeof employerInterests.$inferInsert> = {}) {
  n++;
  const [row] = await h.db.db
    .insert(employerInterests)
    .values({
      regionId: valleyRegion,
      status: "waiting",
      companyName: `Company ${n}`,
      contactName: `Contact ${n}`,
      contactEmail: `contact${n}@company${n}.example`,
      ways: ["class_talk", "job_shadows"],
      sectors: ["Health Science and Medical Technology"],
      months: [3, 4],
      ip: "203.0.113.9",
      confirmedAt: new Date(Date.now() - 1000 * (100 - n)),
      createdAt: new Date(Date.now() - 1000 * (100 - n)),
      ...over,
    })
    .returning();
  return row!;
}

const get = (url: string, headers = auth) => h.app.inject({ method: "GET", url, headers });
const post = (url: string, payload: object, headers = auth) => h.app.inject({ method: "POST", url, headers, payload });

describe("the vetting queue", () => {
  it("lists waiting submissions with a look-alike employer flagged and scored, never an unconfirmed one", async () => {
    const lookAlike = await submission({
      companyName: "Valley Medical Ctr.",
      postalCode: "93721",
      contactEmail: "maria@gmail.com",
    });
    const hidden = await submission({ status: "unconfirmed", confirmedAt: null, companyName: "Valley Medical Ctr" });
    const res = await get("/api/employer-interests");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; matches: Array<Record<string, unknown>> }>;
    expect(items.map((i) => i.id)).toContain(lookAlike.id);
    expect(items.map((i) => i.id)).not.toContain(hidden.id);
    const mine = items.find((i) => i.id === lookAlike.id)!;
    expect(mine.matches[0]).toMatchObject({
      kind: "organization",
      id: await h.orgId("Valley Medical Center"),
      name: "Valley Medical Center",
      likely: true,
      signals: expect.arrayContaining(["name"]),
    });
    expect(mine.matches[0]!.score).toBeGreaterThanOrEqual(0.75);
    expect((await get(`/api/employer-interests/${hidden.id}`)).statusCode).toBe(404);
    const count = await get("/api/employer-interests/count");
    expect(count.json().waiting).toBe(items.length);
  });

  it("flags an earlier submission of the same company by its email domain", async () => {
    const first = await submission({ companyName: "Kings Canyon Outfitters", contactEmail: "a@kco.example" });
    const second = await submission({ companyName: "Kings Canyon Outfitters LLC", contactEmail: "b@kco.example" });
    const res = await get(`/api/employer-interests/${second.id}`);
    expect(res.json().matches[0]).toMatchObject({
      kind: "submission",
      id: first.id,
      status: "waiting",
      likely: true,
      score: 1,
      signals: ["emailDomain", "name"],
    });
  });

  it("does not flag a look-alike in another postal code", async () => {
    const dental = await submission({ companyName: "Valley Dental Center", postalCode: "93650" });
    const res = await get(`/api/employer-interests/${dental.id}`);
    const vmc = (res.json().matches as Array<{ name: string; likely: boolean }>).find(
      (m) => m.name === "Valley Medical Center",
    );
    expect(vmc?.likely ?? false).toBe(false);
  });

  it("scores names with PostgreSQL's similarity() exactly as the domain's measure does on the test set", async () => {
    const pairs = DUPLICATE_TEST_SET.map((p) => [normalizeCompanyName(p.a.name), normalizeCompanyName(p.b.name)]);
    for (const [a, b] of pairs) {
      const [fromSql] = await nameSimilarities(h.db.db, a!, [b!]);
      expect(fromSql, `${a} / ${b}`).toBeCloseTo(trigramSimilarity(a!, b!), 5);
    }
  });

  it("is the intermediary's alone: other roles get 403, another region 404", async () => {
    const s = await submission();
    for (const who of ["coordinator@valley.example", "teacher@valley.example", "employer@valley.example"]) {
      const headers = await h.as(who);
      expect((await get("/api/employer-interests", headers)).statusCode).toBe(403);
      expect((await post(`/api/employer-interests/${s.id}/approve`, {}, headers)).statusCode).toBe(403);
    }
    const coast = await h.as("intermediary@coast.example");
    expect((await get(`/api/employer-interests/${s.id}`, coast)).statusCode).toBe(404);
    expect((await post(`/api/employer-interests/${s.id}/decline`, { reason: "x" }, coast)).statusCode).toBe(404);
    expect((await get("/api/employer-interests", coast)).json().items.map((i: { id: string }) => i.id)).not.toContain(
      s.id,
    );
  });
});

describe("approving a submission", () => {
  it("creates the employer, invites the contact, drafts standing offers, and records the decision", async () => {
    const s = await submission({
      companyName: "Sequoia Dental Lab",
      website: "https://www.sequoialab.example/about",
      companySize: "10-49",
      city: "Fresno",
      postalCode: "93710",
      contactEmail: "lupe@sequoialab.example",
      contactName: "Lupe Ortega",
      language: "es",
      modality: "hybrid",
    });
    const res = await post(`/api/employer-interests/${s.id}/approve`, { askCapPerMonth: 2 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ invited: true, submission: { status: "approved" } });
    expect(body.standingOfferIds).toHaveLength(2);
    const [org] = await h.db.db.select().from(organizations).where(eq(organizations.id, body.organizationId));
    expect(org).toMatchObject({
      type: "employer",
      name: "Sequoia Dental Lab",
      sectors: ["Health Science and Medical Technology"],
      website: "https://www.sequoialab.example/about",
      companySize: "10-49",
      city: "Fresno",
      postalCode: "93710",
      askCapPerMonth: 2,
    });
    const [user] = await h.db.db.select().from(users).where(eq(users.email, "lupe@sequoialab.example"));
    expect(user).toMatchObject({ organizationId: org!.id, role: "employer", status: "invited", language: "es" });
    expect(await h.db.db.select().from(invitations).where(eq(invitations.userId, user!.id))).toHaveLength(1);
    const email = await h.lastEmailTo("lupe@sequoialab.example");
    expect(email?.text).toContain("/invite/");
    const offers = await h.db.db.select().from(opportunities).where(eq(opportunities.standingOfferOf, s.id));
    expect(offers.map((o) => [o.kind, o.status, o.modality, o.employerId]).sort()).toEqual([
      ["guest_speaker", "draft", "hybrid", org!.id],
      ["job_shadow", "draft", "hybrid", org!.id],
    ]);
    expect(offers.find((o) => o.kind === "guest_speaker")!.title).toBe("Charla de un profesional — Sequoia Dental Lab");
    const [row] = await h.db.db.select().from(employerInterests).where(eq(employerInterests.id, s.id));
    expect(row).toMatchObject({
      status: "approved",
      organizationId: org!.id,
      decidedBy: await h.userId("intermediary@valley.example"),
    });
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "employer_interest"), eq(auditLog.entityId, s.id)));
    expect(audits.map((a) => a.action)).toEqual(["approve"]);
    // A second decision is refused.
    const again = await post(`/api/employer-interests/${s.id}/decline`, { reason: "late" });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe("https://bridgework.dev/problems/invalid-transition");
  });

  it("lets exactly one of two intermediaries clicking at once win", async () => {
    const s = await submission({ companyName: "Twin Clicks Bakery", contactEmail: "owner@twinclicks.example" });
    const answers = await Promise.all([
      post(`/api/employer-interests/${s.id}/approve`, {}),
      post(`/api/employer-interests/${s.id}/approve`, {}),
      post(`/api/employer-interests/${s.id}/decline`, { reason: "duplicate" }),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const orgs = await h.db.db.select().from(organizations).where(eq(organizations.name, "Twin Clicks Bakery"));
    expect(orgs.length).toBeLessThanOrEqual(1);
    const offers = await h.db.db.select().from(opportunities).where(eq(opportunities.standingOfferOf, s.id));
    expect(offers.length).toBe(orgs.length === 1 ? 2 : 0);
  });

  it("refuses a name an employer of the region already has with 409 duplicate", async () => {
    const s = await submission({ companyName: "Valley Medical Center" });
    const res = await post(`/api/employer-interests/${s.id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("https://bridgework.dev/problems/duplicate");
  });
});

describe("merging and declining", () => {
  it("merges into an existing employer: the contact invited, sectors added, only new ways become offers", async () => {
    const vmc = await h.orgId("Valley Medical Center");
    const [before] = await h.db.db.select().from(organizations).where(eq(organizations.id, vmc));
    const existingKinds = new Set(
      (
        await h.db.db
          .select({ kind: opportunities.kind })
          .from(opportunities)
          .where(and(eq(opportunities.employerId, vmc), sql`${opportunities.status} IN ('draft','published','paused')`))
      ).map((r) => r.kind),
    );
    const s = await submission({
      companyName: "Valley Medical Ctr",
      contactEmail: "nurse.manager@valleymed.example",
      sectors: ["Public Services"],
      ways: ["class_talk", "teacher_externship"],
    });
    const res = await post(`/api/employer-interests/${s.id}/merge`, { organizationId: vmc });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organizationId: vmc, invited: true, submission: { status: "merged" } });
    const [after] = await h.db.db.select().from(organizations).where(eq(organizations.id, vmc));
    expect(after!.sectors).toEqual([...before!.sectors, "Public Services"]);
    const [user] = await h.db.db.select().from(users).where(eq(users.email, "nurse.manager@valleymed.example"));
    expect(user).toMatchObject({ organizationId: vmc, role: "employer" });
    const offers = await h.db.db.select().from(opportunities).where(eq(opportunities.standingOfferOf, s.id));
    const expected = ["guest_speaker", "teacher_externship"].filter((k) => !existingKinds.has(k as never));
    expect(offers.map((o) => o.kind).sort()).toEqual(expected.sort());
    expect(offers.every((o) => o.sector === "Public Services")).toBe(true);
  });

  it("only links a contact who already has an account, and refuses an employer of another region", async () => {
    const s = await submission({ contactEmail: "employer@valley.example" });
    const coastEmployer = await h.orgId("Harbor Marine Lab");
    if (coastEmployer) {
      const wrong = await post(`/api/employer-interests/${s.id}/merge`, { organizationId: coastEmployer });
      expect(wrong.statusCode).toBe(404);
    }
    const res = await post(`/api/employer-interests/${s.id}/merge`, {
      organizationId: await h.orgId("Valley Medical Center"),
    });
    expect(res.json()).toMatchObject({ invited: false, submission: { status: "merged" } });
  });

  it("declines with a reason, and the contact gets a polite email in their language", async () => {
    const s = await submission({
      companyName: "Sombra Tattoo",
      contactEmail: "sombra@sombra.example",
      contactName: "Rosa",
      language: "es",
    });
    const res = await post(`/api/employer-interests/${s.id}/decline`, {
      reason: "No trabajamos con menores en este sector",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().submission).toMatchObject({
      status: "declined",
      declineReason: "No trabajamos con menores en este sector",
    });
    const email = await h.lastEmailTo("sombra@sombra.example");
    expect(email?.subject).toContain("Valley");
    expect(email?.text).toContain("Gracias por ofrecer el tiempo de Sombra Tattoo");
    expect(email?.text).toContain("No trabajamos con menores en este sector");
    const empty = await post(`/api/employer-interests/${s.id}/decline`, { reason: " " });
    expect(empty.statusCode).toBe(400);
  });
});

describe("standing offers", () => {
  it("the employer publishes one, and a teacher's request in that sector gets it among suggestions", async () => {
    const s = await submission({
      companyName: "Clovis Veterinary Hospital",
      contactEmail: "vet@clovisvet.example",
      ways: ["class_talk"],
      sectors: ["Health Science and Medical Technology"],
    });
    const approved = (await post(`/api/employer-interests/${s.id}/approve`, {})).json();
    const offerId = approved.standingOfferIds[0] as string;
    const draft = await get(`/api/opportunities/${offerId}`);
    expect(draft.json()).toMatchObject({ status: "draft", standingOfferOf: s.id });
    // The intermediary may publish on the employer's behalf.
    const published = await post(`/api/opportunities/${offerId}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe("published");
    const teacher = await h.as("teacher@valley.example");
    const request = await post(
      "/api/requests",
      {
        kind: "guest_speaker",
        sector: "Health Science and Medical Technology",
        students: 20,
        gradeLevels: [11],
        windowStart: "2027-03-01",
        windowEnd: "2027-03-31",
        modality: "in_person",
      },
      teacher,
    );
    expect(request.statusCode).toBe(201);
    const suggestions = await get(`/api/requests/${request.json().id}/suggestions?limit=50`, teacher);
    expect(suggestions.statusCode).toBe(200);
    expect(suggestions.json().map((x: { opportunity: { id: string } }) => x.opportunity.id)).toContain(offerId);
  });
});
