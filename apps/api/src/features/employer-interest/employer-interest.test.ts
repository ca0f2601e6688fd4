import { auditLog, emails, employerInterests } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";

const clock = manualClock(new Date("2027-03-02T17:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const LINK = /http:\/\/bridgework\.test\/r\/valley\/get-involved\/confirm\/([A-Za-z0-9_-]{40,})/;
let n = 0;
const nextIp = () => `10.70.${++n}.1`;
const nextEmail = () => `contact${++n}@robotics.example`;

const form = (overrides: Record<string, unknown> = {}) => ({
  companyName: "Fresno Robotics",
  website: "fresnorobotics.example",
  companySize: "10-49",
  street: "100 Main St",
  city: "Fresno",
  postalCode: "93721",
  sectors: ["Manufacturing and Product Development"],
  contact: { name: "Lucía Gómez", email: nextEmail(), phone: "+1 559 555 0100", role: "Plant manager" },
  language: "en",
  ways: ["class_talk", "tour"],
  months: [10, 3],
  modality: "in_person",
  note: "We can host up to 20 students.",
  ...overrides,
});

const submit = (body: object, ip = nextIp(), slug = "valley") =>
  h.app.inject({ method: "POST", url: `/api/public/regions/${slug}/interest`, payload: body, remoteAddress: ip });
const confirm = (token: string) =>
  h.app.inject({ method: "POST", url: "/api/public/interest/confirm", payload: { token } });
const rowsFor = (email: string) =>
  h.db.db.select().from(employerInterests).where(eq(employerInterests.contactEmail, email.toLowerCase()));
const mailTo = (to: string) => h.db.db.select().from(emails).where(eq(emails.to, to.toLowerCase()));

/** Submits a form and returns its contact email and the token from the confirmation email. */
async function submitted(overrides: Record<string, unknown> = {}) {
  const body = form(overrides);
  const res = await submit(body);
  expect(res.statusCode).toBe(202);
  const email = (body.contact as { email: string }).email;
  const [mail] = await mailTo(email);
  const token = mail?.text.match(LINK)?.[1];
  expect(token).toBeTruthy();
  return { email, token: token!, mail: mail! };
}

describe("the public region", () => {
  it("names a region by its slug, and lists the regions for the chooser", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/public/regions/valley" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ slug: "valley", name: expect.any(String) });
    const list = (await h.app.inject({ method: "GET", url: "/api/public/regions" })).json() as { slug: string }[];
    expect(list.map((r) => r.slug)).toEqual(expect.arrayContaining(["valley", "coast"]));
  });

  it("answers 404 for an unknown region, on the page and on the form", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/public/regions/atlantis" })).statusCode).toBe(404);
    const res = await submit(form(), nextIp(), "atlantis");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ type: "https://bridgework.dev/problems/not-found" });
  });
});

describe("a Get involved submission", () => {
  it("answers 202, keeps the row unconfirmed with only the token's hash, and emails the link in English", async () => {
    const body = form();
    const res = await submit(body);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: "check-your-email" });
    const email = (body.contact as { email: string }).email;
    const [row] = await rowsFor(email);
    expect(row).toMatchObject({
      status: "unconfirmed",
      companyName: "Fresno Robotics",
      ways: ["class_talk", "tour"],
      months: [3, 10],
      language: "en",
      confirmedAt: null,
    });
    expect(row!.confirmExpiresAt).toEqual(new Date("2027-03-09T17:00:00Z"));
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe("Confirm your offer to help students in Valley");
    const token = mail!.text.match(LINK)![1]!;
    expect(row!.confirmTokenHash).not.toContain(token);
    expect(row!.confirmTokenHash).toHaveLength(64);
    const [audit] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "employer_interest_submitted"), eq(auditLog.entityId, row!.id)));
    expect(audit).toBeTruthy();
  });

  it("emails a Spanish-speaking company in Spanish", async () => {
    const { mail } = await submitted({ language: "es" });
    expect(mail.subject).toBe("Confirme su ofrecimiento de ayuda a estudiantes de Valley");
    expect(mail.text).toContain("hablar con una clase");
    expect(mail.html).toContain('lang="es"');
  });

  it("answers the same 202 to a filled honeypot, but stores nothing and sends nothing", async () => {
    const body = form({ faxNumber: "555-0100" });
    const email = (body.contact as { email: string }).email;
    const res = await submit(body);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: "check-your-email" });
    expect(await rowsFor(email)).toEqual([]);
    expect(await mailTo(email)).toEqual([]);
  });

  it("refuses a sixth submission within the hour from one address with 429 and Retry-After; another address still gets through", async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await submit(form(), ip)).statusCode).toBe(202);
    const refused = await submit(form(), ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ type: "https://bridgework.dev/problems/rate-limited" });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3500);
    expect((await submit(form())).statusCode).toBe(202);
    clock.advance(3600_000 + 1000);
    expect((await submit(form(), ip)).statusCode).toBe(202);
  });

  it("refuses a fourth submission in a day for one contact email, whatever the address", async () => {
    const contact = { name: "Ana", email: nextEmail(), phone: "", role: "" };
    for (let i = 0; i < 3; i++) expect((await submit(form({ contact }))).statusCode).toBe(202);
    expect((await submit(form({ contact }))).statusCode).toBe(429);
    expect(await mailTo(contact.email)).toHaveLength(3);
  });

  it("refuses strings and lists over their limits with 400 and an error for each field, storing nothing", async () => {
    const body = form({
      companyName: "x".repeat(201),
      note: "y".repeat(2001),
      website: "not a website",
      sectors: [],
      ways: [],
      months: [13],
    });
    const email = (body.contact as { email: string }).email;
    (body.contact as { name: string }).name = "z".repeat(121);
    const res = await submit(body);
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["companyName", "note", "website", "sectors", "ways", "months.0", "contact.name"]),
    );
    expect(await rowsFor(email)).toEqual([]);
  });

  it("refuses a body far over any form's size with 413", async () => {
    const res = await submit({ ...form(), note: "y".repeat(100_000) });
    expect(res.statusCode).toBe(413);
  });
});

describe("confirming by the emailed link", () => {
  it("makes the submission waiting, once; a second click says it was already confirmed", async () => {
    const { email, token } = await submitted();
    const first = await confirm(token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      result: "confirmed",
      companyName: "Fresno Robotics",
      region: { slug: "valley", name: expect.any(String) },
    });
    const [row] = await rowsFor(email);
    expect(row).toMatchObject({ status: "waiting", confirmedAt: clock.now() });
    const again = await confirm(token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ result: "already-confirmed" });
  });

  it("counts once when the link is clicked many times at once", async () => {
    const { token } = await submitted();
    const answers = await Promise.all(Array.from({ length: 8 }, () => confirm(token)));
    const results = answers.map((a) => (a.json() as { result: string }).result);
    expect(results.filter((r) => r === "confirmed")).toHaveLength(1);
    expect(results.filter((r) => r === "already-confirmed")).toHaveLength(7);
  });

  it("answers 404 for an unknown token and 410 for an expired one, which the sweep then removes", async () => {
    expect((await confirm("x".repeat(43))).statusCode).toBe(404);
    const { email, token } = await submitted();
    const kept = await submitted();
    await confirm(kept.token);
    clock.advance(7 * 24 * 3600_000);
    const expired = await confirm(token);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ type: "https://bridgework.dev/problems/link-expired" });
    expect((await rowsFor(email))[0]?.status).toBe("unconfirmed");

    const swept = await h.jobs.runSweeps(clock.now());
    expect(swept["prune-unconfirmed-interests"]).toBeGreaterThanOrEqual(1);
    expect(await rowsFor(email)).toEqual([]);
    expect((await rowsFor(kept.email))[0]?.status).toBe("waiting");
    expect((await confirm(token)).statusCode).toBe(404);
  });
});
