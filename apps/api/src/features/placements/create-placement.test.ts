import { documents, emails, matches, opportunities, requests } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
} from "../../../test/fixtures/placement.fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const seatsTaken = async (id: string) =>
  (await h.db.db.select({ n: opportunities.seatsTaken }).from(opportunities).where(eq(opportunities.id, id)))[0]!.n;

describe("placing a student: the age rule on the start date", () => {
  it("refuses with 422 under-minimum-age the day before the 16th birthday", async () => {
    const student = await insertStudent(h, { birthDate: "2015-06-15" });
    const opp = await insertOpportunity(h, { minAge: 16 });
    const res = await createPlacement(h, placementBody(student.id, opp, { startDate: "2031-06-14" }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/under-minimum-age",
      age: 15,
      minAge: 16,
    });
    expect(res.json().detail).toContain("is 15 on 2031-06-14");
    expect(await seatsTaken(opp)).toBe(0);
  });

  it("accepts on the 16th birthday itself (201 pending_paperwork) and takes one seat", async () => {
    const student = await insertStudent(h, { birthDate: "2015-06-15" });
    const opp = await insertOpportunity(h, { minAge: 16 });
    const res = await createPlacement(h, placementBody(student.id, opp, { startDate: "2031-06-15" }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "pending_paperwork",
      opportunityId: opp,
      student: { id: student.id, firstName: "Maya", lastName: student.lastName },
    });
    expect(await seatsTaken(opp)).toBe(1);
  });
});

describe("placing a student: the paperwork it creates", () => {
  it("gives a minor four documents: consent, waiver and emergency contact for the guardian, the worksite agreement for the supervisor", async () => {
    const student = await insertStudent(h, { birthDate: "2014-01-10" });
    const res = await createPlacement(h, placementBody(student.id, await insertOpportunity(h)));
    expect(res.statusCode).toBe(201);
    const docs = res.json().documents as Array<{
      kind: string;
      status: string;
      signer: { role: string; email: string };
      language: string;
      templateVersion: number;
    }>;
    expect(docs.map((d) => [d.kind, d.signer.role]).sort()).toEqual([
      ["emergency_contact", "guardian"],
      ["guardian_consent", "guardian"],
      ["liability_waiver", "guardian"],
      ["worksite_agreement", "supervisor"],
    ]);
    expect(docs.every((d) => d.status === "pending" && d.templateVersion === 1 && d.language === "en")).toBe(true);
    expect(docs.find((d) => d.signer.role === "guardian")!.signer.email).toBe(student.guardianEmail);
  });

  it("lets a student of 18 or more sign the waiver and emergency contact themself, with no guardian consent", async () => {
    const student = await insertStudent(h, { birthDate: "2012-03-01" });
    const opp = await insertOpportunity(h, { minAge: 18 });
    const without = await createPlacement(h, placementBody(student.id, opp));
    expect(without.statusCode).toBe(400);
    expect(without.json().errors).toEqual([expect.objectContaining({ path: "studentEmail" })]);
    const res = await createPlacement(
      h,
      placementBody(student.id, opp, { studentEmail: "maya.adult@student.example" }),
    );
    expect(res.statusCode).toBe(201);
    const docs = res.json().documents as Array<{ kind: string; signer: { role: string; email: string } }>;
    expect(docs.map((d) => [d.kind, d.signer.role]).sort()).toEqual([
      ["emergency_contact", "student"],
      ["liability_waiver", "student"],
      ["worksite_agreement", "supervisor"],
    ]);
    expect(docs.find((d) => d.signer.role === "student")!.signer.email).toBe("maya.adult@student.example");
  });

  it("makes paperwork due in 14 days, or the day before the start when that is sooner", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const plus = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const far = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
    expect(far.json().documents[0].dueOn).toBe(plus(14));
    const soon = await createPlacement(
      h,
      placementBody((await insertStudent(h)).id, await insertOpportunity(h, { minAge: null }), {
        startDate: plus(5),
        endDate: plus(30),
      }),
    );
    expect(soon.json().documents[0].dueOn).toBe(plus(4));
    expect(today < plus(4)).toBe(true);
  });

  it("writes the supervisor's agreement and email in the supervisor language chosen on the placement, and shows it", async () => {
    const student = await insertStudent(h);
    const body = placementBody(student.id, await insertOpportunity(h), { supervisorLanguage: "es" });
    const res = await createPlacement(h, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().supervisor).toMatchObject({ name: "Dr. Lena Ortiz", language: "es" });
    const docs = res.json().documents as Array<{ signer: { role: string }; language: string }>;
    expect(docs.find((d) => d.signer.role === "supervisor")!.language).toBe("es");
    expect(docs.find((d) => d.signer.role === "guardian")!.language).toBe("en");
    const [supervisorMail] = await h.db.db.select().from(emails).where(eq(emails.to, body.supervisor.email));
    expect(supervisorMail!.subject).toBe(
      `Acuerdo del lugar de trabajo para firmar: Maya ${student.lastName.slice(0, 1)}. en Valley Medical Center`,
    );
    expect(supervisorMail!.text).toContain("Leer y firmar el documento:");
    const refused = await createPlacement(
      h,
      placementBody(student.id, await insertOpportunity(h), { supervisorLanguage: "fr" }),
    );
    expect(refused.statusCode).toBe(400);
  });

  it("writes a Spanish-speaking guardian's documents and email in Spanish, and the supervisor's in English", async () => {
    const student = await insertStudent(h, { guardianLanguage: "es", firstName: "José" });
    const body = placementBody(student.id, await insertOpportunity(h));
    const res = await createPlacement(h, body);
    expect(res.statusCode).toBe(201);
    const docs = res.json().documents as Array<{ id: string; signer: { role: string }; language: string }>;
    expect(docs.filter((d) => d.signer.role === "guardian").every((d) => d.language === "es")).toBe(true);
    expect(docs.find((d) => d.signer.role === "supervisor")!.language).toBe("en");
    const consent = docs.find((d) => d.signer.role === "guardian")!;
    const [row] = await h.db.db.select().from(documents).where(eq(documents.id, consent.id));
    expect(row!.renderedText).toContain(`José ${student.lastName}`);
    const [mail] = await h.db.db.select().from(emails).where(eq(emails.to, student.guardianEmail));
    expect(mail!.subject).toMatch(/^Documentos para firmar/);
    expect(mail!.text).toContain("Hola, Rosa Quintero:");
    expect(mail!.text).toContain("del 15 de junio de 2031 al 31 de julio de 2031");
    const [supervisorMail] = await h.db.db.select().from(emails).where(eq(emails.to, body.supervisor.email));
    expect(supervisorMail!.subject).toMatch(/^Worksite agreement to sign/);
    // The supervisor's copy names the student by first name and last initial only.
    expect(supervisorMail!.text).toContain(`José ${student.lastName[0]}.`);
    expect(supervisorMail!.text).not.toContain(student.lastName);
  });

  it("refuses a minor with no guardian email on file (422) without taking a seat", async () => {
    const student = await insertStudent(h, { guardian: false });
    const opp = await insertOpportunity(h);
    const res = await createPlacement(h, placementBody(student.id, opp));
    expect(res.statusCode).toBe(422);
    expect(await seatsTaken(opp)).toBe(0);
  });
});

describe("placing a student: seats", () => {
  it("shares seats with matches: with capacity 1, a placement takes the seat and the next placement gets 409 seats-unavailable", async () => {
    const opp = await insertOpportunity(h, { capacity: 1 });
    const first = await createPlacement(h, placementBody((await insertStudent(h)).id, opp));
    expect(first.statusCode).toBe(201);
    const second = await createPlacement(h, placementBody((await insertStudent(h)).id, opp));
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toBe("https://bridgework.dev/problems/seats-unavailable");
    expect(await seatsTaken(opp)).toBe(1);
  });

  it("refuses a placement when an accepted match already holds the last seat", async () => {
    const opp = await insertOpportunity(h, { capacity: 2, kind: "job_shadow" });
    const accept = await h.app.inject({
      method: "POST",
      url: "/api/requests",
      headers: await h.as("teacher@valley.example"),
      payload: {
        kind: "job_shadow",
        sector: "Health Science and Medical Technology",
        students: 2,
        gradeLevels: [11],
        windowStart: "2031-06-01",
        windowEnd: "2031-06-30",
        modality: "in_person",
      },
    });
    expect(accept.statusCode).toBe(201);
    const match = await h.app.inject({
      method: "POST",
      url: "/api/matches",
      headers: await h.as("coordinator@valley.example"),
      payload: { requestId: accept.json().id, opportunityId: opp, seats: 2 },
    });
    expect(match.statusCode).toBe(201);
    const accepted = await h.app.inject({
      method: "POST",
      url: `/api/matches/${match.json().id}/accept`,
      headers: await h.as("employer@valley.example"),
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    const res = await createPlacement(h, placementBody((await insertStudent(h)).id, opp));
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("https://bridgework.dev/problems/seats-unavailable");
    const [m] = await h.db.db.select().from(matches).where(eq(matches.id, match.json().id));
    expect(m!.status).toBe("accepted");
    expect((await h.db.db.select().from(requests).where(eq(requests.id, accept.json().id)))[0]!.status).toBe("matched");
  });

  it("never places more students than seats, however many coordinators place at once", async () => {
    const opp = await insertOpportunity(h, { capacity: 3 });
    const kids = await Promise.all(Array.from({ length: 8 }, () => insertStudent(h)));
    const results = await Promise.all(kids.map((k) => createPlacement(h, placementBody(k.id, opp))));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    expect(await seatsTaken(opp)).toBe(3);
  });

  it("answers 409 for an opportunity that is not published, and 409 duplicate for the same student twice", async () => {
    const student = await insertStudent(h);
    const draft = await insertOpportunity(h, { status: "paused" });
    expect((await createPlacement(h, placementBody(student.id, draft))).statusCode).toBe(409);
    const opp = await insertOpportunity(h);
    expect((await createPlacement(h, placementBody(student.id, opp))).statusCode).toBe(201);
    const again = await createPlacement(h, placementBody(student.id, opp));
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe("https://bridgework.dev/problems/duplicate");
    expect(await seatsTaken(opp)).toBe(1);
  });
});

describe("placing a student: who may", () => {
  it.each(["teacher@valley.example", "employer@valley.example"])("refuses %s with 403", async (email) => {
    const res = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)), email);
    expect(res.statusCode).toBe(403);
  });

  it("lets the intermediary place any student of its region", async () => {
    const res = await createPlacement(
      h,
      placementBody((await insertStudent(h, { school: "Riverbend High" })).id, await insertOpportunity(h)),
      "intermediary@valley.example",
    );
    expect(res.statusCode).toBe(201);
  });

  it("answers 404 to a coordinator placing another district's student", async () => {
    const res = await createPlacement(
      h,
      placementBody((await insertStudent(h, { school: "Riverbend High" })).id, await insertOpportunity(h)),
    );
    expect(res.statusCode).toBe(404);
  });

  it("answers 404 to Coast for a Valley student and for a Valley opportunity", async () => {
    const coastOpp = await insertOpportunity(h, { employer: "Harbor Marine Lab" });
    const valleyStudent = await insertStudent(h);
    expect(
      (await createPlacement(h, placementBody(valleyStudent.id, coastOpp), "coordinator@coast.example")).statusCode,
    ).toBe(404);
    const valleyOpp = await insertOpportunity(h);
    expect(
      (await createPlacement(h, placementBody(valleyStudent.id, valleyOpp), "coordinator@coast.example")).statusCode,
    ).toBe(404);
  });

  it("answers 400 with the field when the end date is before the start", async () => {
    const res = await createPlacement(
      h,
      placementBody((await insertStudent(h)).id, await insertOpportunity(h), { endDate: "2031-06-01" }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "endDate" })]);
  });
});
