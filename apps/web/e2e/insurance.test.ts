import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 300_000;
const EMPLOYER = "builder@valley.example"; // Sam Ortiz, Sierra Builders: no certificate in the demo data
const OPPORTUNITY_TITLE = "Framing crew internship (insurance test)";

/** A small but real PDF (header, one empty page, xref, trailer). */
const PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n"),
);

/** The 8-byte PNG signature and an IHDR length: enough for the server's type check. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const suite = browserSuite();

const call = <T>(authorization: string | null, method: string, path: string, body?: unknown) =>
  suite.server.call<T>(authorization, method, path, body);

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Sierra Builders publishes an internship and the coordinator places a student in it: the placement waits on Sierra's insurance. */
async function placementWaitingOnInsurance() {
  const employer = await suite.server.bearer(EMPLOYER);
  const opportunity = await call<{ id: string }>(employer, "POST", "/api/opportunities", {
    kind: "internship",
    sector: "Building and Construction Trades",
    title: OPPORTUNITY_TITLE,
    description: "Work with a framing crew on a residential site.",
    modality: "in_person",
    capacity: 2,
    requirements: [],
    paid: true,
  });
  await call(employer, "POST", `/api/opportunities/${opportunity.id}/publish`);
  const coordinator = await suite.server.bearer("coordinator@valley.example");
  const schools = await call<{ items: { id: string; name: string }[] }>(
    coordinator,
    "GET",
    "/api/organizations?type=school&q=Valley%20High",
  );
  const school = schools.items.find((o) => o.name === "Valley High")!;
  const student = await call<{ id: string }>(coordinator, "POST", "/api/students", {
    localId: "INS-001",
    firstName: "Tomás",
    lastName: "Herrera",
    birthDate: "2010-04-02",
    grade: 11,
    schoolId: school.id,
    guardian: { name: "Ana Herrera", email: "ana.herrera@example.com", language: "es" },
  });
  await call(coordinator, "POST", "/api/placements", {
    studentId: student.id,
    opportunityId: opportunity.id,
    startDate: isoDay(30),
    endDate: isoDay(90),
    supervisor: { name: "Rita Gomez", email: "rita.gomez@sierra.example" },
  });
}

/** The emails the dev mailbox holds for an address (delivery is a background job, so this waits). */
async function mailTo(to: string, subject: string) {
  for (let i = 0; i < 100; i++) {
    const emails = await call<{ subject: string; text: string }[]>(
      null,
      "GET",
      `/api/dev/mailbox?to=${encodeURIComponent(to)}`,
    );
    const found = emails.find((e) => e.subject === subject);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no "${subject}" email to ${to}`);
}

describe("insurance", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("a coordinator sees the placement Sierra Builders blocks and asks for a certificate; the employer files one with its PDF, sees it current and downloads it", async () => {
    await placementWaitingOnInsurance();

    // The coordinator: which employer holds up which placement, and the ask.
    const staff = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = staff;
      await logInAs(page, "coordinator@valley.example");
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Insurance" }).click();
      await page.getByRole("heading", { level: 1, name: "Insurance" }).waitFor();
      const waiting = page.getByRole("region", { name: "Placements waiting on insurance" });
      const sierra = waiting.getByRole("region", { name: "Sierra Builders" });
      await sierra.waitFor();
      await expect
        .poll(() => sierra.getByRole("list", { name: "Placements Sierra Builders holds up" }).innerText())
        .toMatch(
          new RegExp(
            `Tomás Herrera: ${OPPORTUNITY_TITLE.replace(/[()]/g, "\\$&")} \\(Valley High\\), starts .+ — no certificate`,
          ),
        );
      await expect.poll(() => sierra.innerText()).toContain("None");
      await expectAccessible(page, "/insurance (coordinator)");
      await sierra.getByRole("button", { name: "Request certificate from Sierra Builders" }).click();
      await sierra.getByRole("status").filter({ hasText: "Sierra Builders: 1 person was asked by email." }).waitFor();
      expect(staff.problems).toEqual([]);
    } catch (error) {
      await staff.context.close();
      throw error;
    }

    const ask = await mailTo(EMPLOYER, "Please file your certificate of insurance");
    expect(ask.text).toContain("Tomás H.");
    expect(ask.text).toContain(`${suite.server.url}/insurance`);

    // The employer: from the navigation to a filed certificate.
    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = employer;
      await logInAs(page, EMPLOYER);
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Insurance" }).click();
      await page.getByRole("heading", { level: 1, name: "Insurance" }).waitFor();
      const status = page.getByRole("region", { name: "Certificate status" });
      await status.getByText("No certificate on file.").waitFor();
      await expectAccessible(page, "/insurance (employer, no certificate)");

      const form = page.getByRole("form", { name: "File a certificate" });
      await form.getByLabel("Insurance carrier").fill("Golden State Mutual");
      await form.getByLabel("Policy number").fill("GSM-4410");
      await form.getByLabel("Coverage amount (US dollars)").fill("2000000");
      await form.getByLabel("Expiry date").fill(isoDay(200));
      // A file named .pdf that is not one: the server reads its bytes and says so next to the field.
      await form.getByLabel("Certificate file").setInputFiles({
        name: "certificate.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("<html>not a certificate</html>"),
      });
      await form.getByRole("button", { name: "File certificate" }).click();
      await form.getByText("The certificate file must be a PDF, PNG or JPEG.").waitFor();

      await form
        .getByLabel("Certificate file")
        .setInputFiles({ name: "COI Sierra 2027.pdf", mimeType: "application/pdf", buffer: PDF });
      await form.getByRole("button", { name: "File certificate" }).click();
      await form.getByRole("status").filter({ hasText: "Certificate filed. Its status is now “Current”." }).waitFor();
      await status.getByText("Current", { exact: true }).waitFor();
      await status.getByText(/^Current until .+: Golden State Mutual, policy GSM-4410\.$/).waitFor();

      const history = page.getByRole("region", { name: "Certificates filed" });
      const item = history.getByRole("listitem").filter({ hasText: "GSM-4410" });
      await item.getByText("COI Sierra 2027.pdf").waitFor();
      await expect.poll(() => item.innerText()).toContain("$2,000,000");
      await expectAccessible(page, "/insurance (employer, certificate filed)");

      const [response, download] = await Promise.all([
        page.waitForResponse((r) => /\/api\/insurance\/certificates\/[\w-]+\/file$/.test(r.url())),
        page.waitForEvent("download"),
        item.getByRole("button", { name: "Download COI Sierra 2027.pdf" }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect(response.headers()["content-disposition"]).toContain("attachment");
      expect(download.suggestedFilename()).toBe("COI Sierra 2027.pdf");
      const saved = await readFile(await download.path());
      expect(saved.equals(PDF)).toBe(true);
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }

    // The coordinator's list no longer shows Sierra Builders.
    try {
      await staff.page.reload();
      await staff.page
        .getByRole("region", { name: "Placements waiting on insurance" })
        .getByText("No placement is waiting on insurance.")
        .waitFor();
    } finally {
      await staff.context.close();
    }
  });

  it("shows the employer's insurance page in Spanish at 390 px without sideways scrolling", async () => {
    await call(await suite.server.bearer(EMPLOYER), "PATCH", "/api/me", { language: "es" });
    const mobile = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = mobile;
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, EMPLOYER, /^Bienvenido/);
      await page.goto("/insurance");
      await page.getByRole("heading", { level: 1, name: "Seguros" }).waitFor();
      const status = page.getByRole("region", { name: "Estado del certificado" });
      await status.getByText("Vigente", { exact: true }).waitFor();
      const form = page.getByRole("form", { name: "Registrar un certificado" });
      await form.getByLabel("Archivo del certificado").waitFor();
      await form.getByRole("button", { name: "Registrar certificado" }).waitFor();
      await page
        .getByRole("region", { name: "Certificados registrados" })
        .getByRole("button", { name: "Descargar COI Sierra 2027.pdf" })
        .waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "/insurance (employer, Spanish, 390 px)");
      expect(mobile.problems).toEqual([]);
    } finally {
      await mobile.context.close();
    }
  });
  it("lets the intermediary file a certificate on an employer's behalf from the employers' list", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Insurance" }).click();
      await page
        .getByRole("region", { name: "Employers' certificates" })
        .getByRole("link", { name: "Pixel Orchard Software" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Insurance of Pixel Orchard Software" }).waitFor();
      const form = page.getByRole("form", { name: "File a certificate" });
      await form.getByLabel("Insurance carrier").fill("Central Valley Casualty");
      await form.getByLabel("Policy number").fill("CVC-88");
      await form.getByLabel("Coverage amount (US dollars)").fill("1000000");
      await form.getByLabel("Expiry date").fill(isoDay(20));
      await form
        .getByLabel("Certificate file")
        .setInputFiles({ name: "pixel-coi.png", mimeType: "image/png", buffer: PNG });
      await form.getByRole("button", { name: "File certificate" }).click();
      await form.getByRole("status").filter({ hasText: "Its status is now “Expiring within 30 days”." }).waitFor();
      await page
        .getByRole("region", { name: "Certificates filed" })
        .getByRole("button", { name: "Download pixel-coi.png" })
        .waitFor();
      await page.getByRole("link", { name: "Back to insurance" }).click();
      await page
        .getByRole("row", { name: /Pixel Orchard Software/ })
        .getByText("Expiring within 30 days")
        .waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
