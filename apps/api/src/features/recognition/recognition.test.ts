import { auditLog, emails, organizations, users } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { pdfText } from "../../../test/pdf-text.ts";

/**
 * Valley Medical Center in 2025-2026: two guest talks (20 and 25 students), one tour (12), two
 * internships (two students, 40 + 12.5 approved hours, 8 pending) — and a talk in 2024-2025 that
 * this year's letter must leave out. No other employer of the region did anything in 2025-2026,
 * so the region's placement report for the year counts exactly Valley Medical Center.
 */
const clock = manualClock(new Date("2026-06-20T18:00:00Z"));
const INT = "intermediary@valley.example";
const EMP = "employer@valley.example";
const YEAR = "2025-2026";
let h: Harness;
let vmc: string;
let spanishContact: string;

beforeAll(async () => {
  h = await createHarness({ clock });
  const f = new Fixtures(h);
  const health = "Health Science and Medical Technology" as const;
  const talk = await f.opportunity("Valley Medical Center", "guest_speaker", health);
  const tour = await f.opportunity("Valley Medical Center", "industry_tour", health);
  const intern = await f.opportunity("Valley Medical Center", "internship", health);
  await f.completedMatch("Valley High", talk, "2024-10-15T18:00:00Z", 30);
  await f.completedMatch("Valley High", talk, "2025-09-20T18:00:00Z", 20);
  await f.completedMatch("Riverbend High", talk, "2026-02-11T18:00:00Z", 25);
  await f.completedMatch("Valley High", tour, "2025-11-04T18:00:00Z", 12);
  await f.placement(await f.student("Valley High"), intern, "2026-03-15T18:00:00Z", {
    hours: [
      ...[9, 10, 11, 12, 13].map((d): [number, "approved", string] => [8, "approved", `2026-03-${d}`]),
      [8, "pending", "2026-03-14"],
    ],
  });
  await f.placement(await f.student("Riverbend High"), intern, "2026-05-01T18:00:00Z", {
    hours: [
      [6.5, "approved", "2026-04-30"],
      [6, "approved", "2026-05-01"],
    ],
  });
  vmc = await h.orgId("Valley Medical Center");
  const [elena] = await h.db.db.select().from(users).where(eq(users.email, EMP));
  const [jose] = await h.db.db
    .insert(users)
    .values({
      regionId: elena!.regionId,
      organizationId: vmc,
      email: "jose.nunez@valley.example",
      name: "José Núñez",
      role: "employer",
      status: "active",
      language: "es",
    })
    .returning({ id: users.id });
  spanishContact = jose!.id;
});
afterAll(() => h.close());

const prefs = async (as: string, payload: Record<string, unknown>, org = vmc) =>
  h.app.inject({ method: "PATCH", url: `/api/organizations/${org}/preferences`, headers: await h.as(as), payload });
const letter = async (as: string, org = vmc, year = YEAR) =>
  h.app.inject({
    method: "GET",
    url: `/api/organizations/${org}/thank-you-letter.pdf?schoolYear=${year}`,
    headers: await h.as(as),
  });
const send = async (as: string, org = vmc, year = YEAR) =>
  h.app.inject({
    method: "POST",
    url: `/api/organizations/${org}/thank-you-letter/send`,
    headers: await h.as(as),
    payload: { schoolYear: year },
  });

describe("an employer's own engagement preferences", () => {
  it("lets the employer lower its ask cap, set blackout months and a colleague as preferred contact (audited)", async () => {
    const res = await prefs(EMP, { askCapPerMonth: 2, blackoutMonths: [12, 6, 6], preferredContactId: spanishContact });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      askCapPerMonth: 2,
      regionAskCapPerMonth: 4,
      blackoutMonths: [6, 12],
      preferredContactId: spanishContact,
    });
    expect(res.json().contacts.map((c: { name: string }) => c.name)).toEqual(["Elena Park", "José Núñez"]);
    const [org] = await h.db.db.select().from(organizations).where(eq(organizations.id, vmc));
    expect(org).toMatchObject({ askCapPerMonth: 2, blackoutMonths: [6, 12] });
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "update_preferences"), eq(auditLog.entityId, vmc)));
    expect(row?.actorUserId).toBe(await h.userId(EMP));
  });

  it("lets the employer raise it again up to the intermediary's cap, but refuses above it with a field error", async () => {
    expect((await prefs(EMP, { askCapPerMonth: 4 })).json().askCapPerMonth).toBe(4);
    const res = await prefs(EMP, { askCapPerMonth: 9 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: "askCapPerMonth", message: "At most 4 (the cap your region set)" }]);
    expect(res.json().detail).toContain("you can lower it, not raise it above 4");
    expect((await prefs(EMP, { askCapPerMonth: null })).statusCode).toBe(422);
  });

  it("lets the intermediary set any cap, which becomes the new ceiling", async () => {
    const res = await prefs(INT, { askCapPerMonth: 10 });
    expect(res.json()).toMatchObject({ askCapPerMonth: 10, regionAskCapPerMonth: 10 });
    expect((await prefs(EMP, { askCapPerMonth: 9 })).statusCode).toBe(200);
  });

  it("refuses another organization's user as preferred contact (422 on the field)", async () => {
    const res = await prefs(EMP, { preferredContactId: await h.userId("builder@valley.example") });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: "preferredContactId", message: "Choose one of your organization's people" },
    ]);
  });

  it("refuses months outside 1–12 with 400", async () => {
    expect((await prefs(EMP, { blackoutMonths: [13] })).statusCode).toBe(400);
  });

  it("answers 404 for another employer's preferences and 403 to a teacher or coordinator", async () => {
    expect((await prefs("builder@valley.example", { blackoutMonths: [1] })).statusCode).toBe(404);
    expect((await prefs("intermediary@coast.example", { blackoutMonths: [1] })).statusCode).toBe(404);
    expect((await prefs("teacher@valley.example", { blackoutMonths: [1] })).statusCode).toBe(403);
    expect((await prefs("coordinator@valley.example", { blackoutMonths: [1] })).statusCode).toBe(403);
  });
});

describe("the thank-you letter PDF", () => {
  it("counts what the placement report counts for that school year", async () => {
    const report = await h.app.inject({
      method: "GET",
      url: "/api/reports/placements?groupBy=schoolYear&from=2025-07-01&to=2026-06-30",
      headers: await h.as(INT),
    });
    const totals = report.json().totals as { experiences: number; students: number; hours: number; employers: number };
    expect(totals).toMatchObject({ experiences: 5, students: 59, hours: 52.5, employers: 1 });

    const res = await letter(INT);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    // The preferred contact reads Spanish: the letter is in Spanish, accents intact.
    const text = (await pdfText(res.rawPayload)).replace(/\n/g, " ");
    expect(text).toContain("Gracias, Valley Medical Center");
    expect(text).toContain("Estimado/a José Núñez:");
    expect(text).toContain("Año escolar 2025-2026");
    expect(text).toContain(`Estudiantes alcanzados: ${totals.students}`);
    expect(text).toContain("Horas acogidas (aprobadas): 52.5");
    expect(text).toContain("Actividades con una clase (charlas, visitas y recorridos): 3");
    expect(text).toContain("Prácticas acogidas: 2");
    expect(text).toContain("Riverbend High");
    expect(text).toContain("Irene Alvarez");
    expect(text).not.toContain("2024");
    expect((await PDFDocument.load(res.rawPayload)).getPageCount()).toBe(1);
  });

  it("is in English when nobody preferred reads Spanish, and the employer downloads its own (audited)", async () => {
    await prefs(EMP, { preferredContactId: null });
    const res = await letter(EMP);
    expect(res.statusCode).toBe(200);
    const text = (await pdfText(res.rawPayload)).replace(/\n/g, " ");
    expect(text).toContain("Thank you, Valley Medical Center");
    expect(text).toContain("Students reached: 59");
    expect(text).toContain("Hours hosted (approved): 52.5");
    expect(res.headers["content-disposition"]).toContain("thank-you-letter-valley-medical-center-2025-2026.pdf");
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "thank_you_letter"), eq(auditLog.actorUserId, await h.userId(EMP))));
    expect(row?.details).toEqual({ schoolYear: YEAR });
  });

  it("refuses a year with nothing to thank for (422, saying so)", async () => {
    const res = await letter(EMP, vmc, "2022-2023");
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain("nothing to thank them for");
    expect((await letter(EMP, vmc, "2025-26")).statusCode).toBe(400);
  });

  it("answers 404 for another employer or region, 403 to a teacher", async () => {
    expect((await letter("builder@valley.example")).statusCode).toBe(404);
    expect((await letter("intermediary@coast.example")).statusCode).toBe(404);
    expect((await letter("teacher@valley.example")).statusCode).toBe(403);
  });
});

describe("sending the thank-you letter", () => {
  it("emails the preferred contact the letter as a PDF attachment in their language (audited)", async () => {
    await prefs(EMP, { preferredContactId: spanishContact });
    const res = await send(INT);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      schoolYear: YEAR,
      recipients: [{ name: "José Núñez", email: "jose.nunez@valley.example" }],
      sent: 1,
    });
    const [email] = await h.db.db.select().from(emails).where(eq(emails.to, "jose.nunez@valley.example"));
    expect(email!.subject).toContain("Gracias de");
    const attachments = email!.attachments as { filename: string; contentType: string; content: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({
      contentType: "application/pdf",
      filename: "carta-de-agradecimiento-valley-medical-center-2025-2026.pdf",
    });
    const text = (await pdfText(Buffer.from(attachments[0]!.content, "base64"))).replace(/\n/g, " ");
    expect(text).toContain("Estudiantes alcanzados: 59");
    const [row] = await h.db.db.select().from(auditLog).where(eq(auditLog.action, "send_thank_you_letter"));
    expect(row?.entityId).toBe(vmc);
    // The same day again queues nothing new.
    expect((await send(INT)).json().sent).toBe(0);
  });

  it("refuses an empty letter with 422 and the employer itself with 403", async () => {
    expect((await send(INT, await h.orgId("Sierra Builders"))).statusCode).toBe(422);
    expect((await send(EMP)).statusCode).toBe(403);
    expect((await send("intermediary@coast.example")).statusCode).toBe(404);
  });
});
