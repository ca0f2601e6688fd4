import { LABELS } from "@bridgework/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

/**
 * Issue 16 end to end, as the people involved do it: a company raises its hand on the public page
 * in Spanish, confirms by email, the intermediary approves it past a look-alike, its contact
 * publishes a standing offer, and a teacher's suggestions include it; the same company's second
 * submission is merged. (The grow list has its own flow: employer-growth.test.ts.)
 */
const BROWSER_TEST_TIMEOUT = 180_000;
const COMPANY = "Valley Medical Clinic";
const CONTACT = "marta.ruiz@vmclinic.example";
const COLLEAGUE = "jorge.lee@vmclinic.example";
const PASSWORD = "a long clinic password";
const TALK = `${LABELS.es.kinds.guest_speaker} — ${COMPANY}`;

const suite = browserSuite();

/** The newest email to an address in the dev mailbox, waited for (jobs deliver in-process). */
async function emailTo(address: string, subject: RegExp): Promise<{ text: string }> {
  for (let i = 0; i < 150; i++) {
    const res = await fetch(`${suite.server.url}/api/dev/mailbox?to=${encodeURIComponent(address)}`);
    const found = ((await res.json()) as { subject: string; text: string }[]).find((e) => subject.test(e.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email ${subject} to ${address}`);
}

async function fillSpanishForm(page: Page) {
  const company = page.getByRole("group", { name: "Su empresa" });
  await company.getByRole("textbox", { name: /^Nombre de la empresa/ }).fill(COMPANY);
  await company.getByRole("textbox", { name: /^Sitio web/ }).fill("vmclinic.example");
  await company.getByRole("combobox", { name: /^Tamaño de la empresa/ }).selectOption("50-249");
  await company.getByRole("textbox", { name: /^Ciudad/ }).fill("Fresno");
  await company.getByRole("textbox", { name: /^Código postal/ }).fill("93701");
  await company.getByRole("checkbox", { name: "Ciencias de la salud y tecnología médica" }).check();
  const contact = page.getByRole("group", { name: "Persona de contacto" });
  await contact.getByRole("textbox", { name: /^Nombre/ }).fill("Marta Ruiz");
  await contact.getByRole("textbox", { name: /^Correo electrónico/ }).fill(CONTACT);
  const ways = page.getByRole("group", { name: "¿Cómo le gustaría ayudar?" });
  await ways.getByRole("checkbox", { name: "Hablar con una clase" }).check();
  await ways.getByRole("checkbox", { name: "Recibir estudiantes de observación" }).check();
}

describe("an employer joins by itself", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("public form in Spanish → emailed link → queue with a look-alike → approved → standing offer published → in a teacher's suggestions; a second submission merged", async () => {
    // 1. The company, on a phone, in Spanish.
    const company = await openPage(suite.browser, suite.server.url);
    try {
      const page = company.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/r/valley/get-involved");
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Colabore con estudiantes de Valley" }).waitFor();
      await fillSpanishForm(page);
      await page.getByRole("button", { name: "Enviar mi ofrecimiento" }).click();
      await page.getByRole("status").filter({ hasText: "Revise su correo electrónico" }).waitFor();

      // Not in the queue until the contact follows the emailed link.
      const intermediary = await suite.server.bearer("intermediary@valley.example");
      const waiting = () =>
        suite.server.call<{ waiting: number }>(intermediary, "GET", "/api/employer-interests/count");
      expect((await waiting()).waiting).toBe(0);

      const email = await emailTo(CONTACT, /Confirme/);
      const link = email.text.match(/https?:\/\/\S+\/get-involved\/confirm\/[A-Za-z0-9_-]+/)![0];
      await page.goto(new URL(link).pathname);
      await page.getByText("¡Gracias! Su ofrecimiento está confirmado").waitFor();
      expect((await waiting()).waiting).toBe(1);
      expect(company.problems).toEqual([]);
    } finally {
      await company.context.close();
    }

    // 2. The intermediary: a look-alike of Valley Medical Center is flagged; this is a new clinic.
    const vetting = await openPage(suite.browser, suite.server.url);
    try {
      const page = vetting.page;
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "Get involved submissions");
      const submission = page.getByRole("region", { name: COMPANY });
      const matches = submission.getByRole("list", { name: `Likely matches of ${COMPANY}` });
      await matches.waitFor();
      const lookAlike = matches.getByRole("listitem").filter({ hasText: "Valley Medical Center" });
      expect(await lookAlike.textContent()).toMatch(/(Likely duplicate|Possible match), score \d+%/);
      await expectAccessible(page, "the queue with a look-alike");
      await submission.getByLabel("Ask cap per month").fill("3");
      await submission.getByRole("button", { name: `Approve ${COMPANY} as a new employer` }).click();
      await page.getByText(`${COMPANY} is now an employer.`).waitFor();
      expect(vetting.problems).toEqual([]);
    } finally {
      await vetting.context.close();
    }

    // 3. Its contact sets a password from the invitation (in Spanish) and publishes the talk.
    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const page = employer.page;
      const invitation = await emailTo(CONTACT, /./);
      const invite = invitation.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)?.[0];
      expect(invite, "the invitation link").toBeDefined();
      await page.goto(new URL(invite!).pathname);
      await page.getByLabel(/^(New password|Contraseña nueva)/).fill(PASSWORD);
      await page.getByLabel(/^(Repeat the password|Repita la contraseña)/).fill(PASSWORD);
      await page.getByRole("button", { name: /^(Set password|Guardar contraseña)$/ }).click();
      await page.waitForURL(/\/login/);
      await page.getByLabel(/^(Password|Contraseña)/).fill(PASSWORD);
      await page.getByRole("button", { name: /^(Log in|Iniciar sesión)$/ }).click();
      await page.getByRole("heading", { level: 1, name: "Bienvenido/a, Marta Ruiz" }).waitFor();
      await page.goto("/opportunities");
      const row = page.getByRole("row", { name: new RegExp(TALK) });
      await row.waitFor();
      expect(await row.textContent()).toContain("Oferta permanente");
      expect(await row.textContent()).toContain("Borrador");
      await expectAccessible(page, "the contact's standing offers, in Spanish");
      await row.getByRole("button", { name: `Publicar ${TALK}` }).click();
      await row.getByText("Publicada").or(row.getByText("Publicado")).waitFor();
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }

    // 4. A teacher asking for a health-science speaker is offered the clinic's talk.
    const teacherAuth = await suite.server.bearer("teacher@valley.example");
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const request = await suite.server.call<{ id: string }>(teacherAuth, "POST", "/api/requests", {
      kind: "guest_speaker",
      sector: "Health Science and Medical Technology",
      students: 25,
      gradeLevels: [11],
      windowStart: day(20),
      windowEnd: day(60),
      modality: "in_person",
    });
    const teacher = await openPage(suite.browser, suite.server.url);
    try {
      const page = teacher.page;
      await logInAs(page, "teacher@valley.example", "Welcome, Tanya Nguyen");
      await page.goto(`/requests/${request.id}`);
      const card = page.getByRole("article", { name: TALK });
      // Visible to everyone within a second of the publish (the region cache hears it).
      await expect
        .poll(
          () =>
            card.waitFor({ timeout: 3_000 }).then(
              () => true,
              async () => (await page.reload(), false),
            ),
          { timeout: 20_000 },
        )
        .toBe(true);
      await expectAccessible(page, "the teacher's request with the clinic's talk suggested");
      expect(teacher.problems).toEqual([]);
    } finally {
      await teacher.context.close();
    }

    // 5. A colleague at the same clinic offers help too; the intermediary merges it into the clinic.
    const submitted = await fetch(`${suite.server.url}/api/public/regions/valley/interest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        companyName: "Valley Medical Clinic, Inc.",
        website: "https://www.vmclinic.example/careers",
        companySize: "50-249",
        city: "Fresno",
        postalCode: "93701",
        sectors: ["Health Science and Medical Technology"],
        contact: { name: "Jorge Lee", email: COLLEAGUE },
        language: "en",
        ways: ["internships"],
      }),
    });
    expect(submitted.status).toBe(202);
    const confirmLink = (await emailTo(COLLEAGUE, /./)).text.match(/\/confirm\/([A-Za-z0-9_-]+)/)![1];
    const confirmed = await fetch(`${suite.server.url}/api/public/interest/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: confirmLink }),
    });
    expect(confirmed.status).toBe(200);

    const merge = await openPage(suite.browser, suite.server.url);
    try {
      const page = merge.page;
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "Get involved submissions");
      // The queue on a phone, in Spanish too; then back to English for the decision.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("heading", { level: 1, name: "Get involved submissions" }).waitFor();
      await expectFitsWidth(page);
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Solicitudes de participación" }).waitFor();
      await page
        .getByRole("list", { name: "Coincidencias probables de Valley Medical Clinic, Inc." })
        .getByText(/Probable duplicado, puntuación \d+ %/)
        .first()
        .waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "the queue in Spanish at 390 px");
      await page.getByLabel("Idioma").selectOption("en");
      await page.getByRole("heading", { level: 1, name: "Get involved submissions" }).waitFor();
      await page.setViewportSize({ width: 1280, height: 800 });
      const second = page.getByRole("region", { name: "Valley Medical Clinic, Inc." });
      const likely = second.getByRole("list", { name: "Likely matches of Valley Medical Clinic, Inc." });
      expect(await likely.getByRole("listitem").first().textContent()).toMatch(
        new RegExp(`^${COMPANY}.*Likely duplicate, score \\d+%`, "s"),
      );
      await second.getByRole("combobox", { name: "Merge into an existing employer" }).click();
      await page.getByRole("option", { name: new RegExp(`^${COMPANY} \\(\\d+%\\)`) }).click();
      await second.getByRole("button", { name: "Merge Valley Medical Clinic, Inc." }).click();
      await page.getByText("Valley Medical Clinic, Inc. was merged into the employer you chose.").waitFor();
      await page.getByText("No submission is waiting.").waitFor();
      expect(merge.problems).toEqual([]);
    } finally {
      await merge.context.close();
    }

    // One clinic with both contacts, an intern offer added as a draft.
    const { rows } = await suite.server.db.pool.query<{ email: string; org: string; offers: string[] }>(
      `SELECT u.email, o.name AS org,
              (SELECT array_agg(op.kind::text ORDER BY op.kind) FROM opportunities op WHERE op.employer_id = o.id) AS offers
       FROM users u JOIN organizations o ON o.id = u.organization_id
       WHERE u.email IN ($1, $2) ORDER BY u.email`,
      [COLLEAGUE, CONTACT],
    );
    expect(rows).toEqual([
      { email: COLLEAGUE, org: COMPANY, offers: ["guest_speaker", "job_shadow", "internship"] },
      { email: CONTACT, org: COMPANY, offers: ["guest_speaker", "job_shadow", "internship"] },
    ]);
  });
});
