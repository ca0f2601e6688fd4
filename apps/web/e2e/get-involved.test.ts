import { describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;
const CONTACT = "lucia.gomez@panaderia-valle.example";

const suite = browserSuite();

describe("the public Get involved page", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets a company offer help in Spanish on a phone, confirm by the emailed link, and reach the queue as waiting", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      // A visitor finds it from the login page, then picks the region.
      await page.goto("/login");
      await page.getByRole("link", { name: "Are you an employer? Get involved" }).click();
      await page.getByRole("heading", { level: 1, name: "Get involved" }).waitFor();
      await page.getByRole("link", { name: "Valley", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Get involved with students in Valley" }).waitFor();

      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Colabore con estudiantes de Valley" }).waitFor();

      // Sent empty: the shared schema's messages, in Spanish, next to the fields.
      await page.getByRole("button", { name: "Enviar mi ofrecimiento" }).click();
      await page.getByText("Complete el campo «Nombre de la empresa».").waitFor();
      await expectAccessible(page, "the Spanish Get involved form with field errors at 390 px");

      const company = page.getByRole("group", { name: "Su empresa" });
      await company.getByRole("textbox", { name: /^Nombre de la empresa/ }).fill("Panadería del Valle");
      await company.getByRole("textbox", { name: /^Sitio web/ }).fill("panaderia-valle.example");
      await company.getByRole("combobox", { name: /^Tamaño de la empresa/ }).selectOption("10-49");
      await company.getByRole("textbox", { name: /^Dirección/ }).fill("12 Calle Mayor");
      await company.getByRole("textbox", { name: /^Ciudad/ }).fill("Fresno");
      await company.getByRole("textbox", { name: /^Código postal/ }).fill("93721");
      await company.getByRole("checkbox", { name: "Manufactura y desarrollo de productos" }).check();

      const contact = page.getByRole("group", { name: "Persona de contacto" });
      await contact.getByRole("textbox", { name: /^Nombre/ }).fill("Lucía Gómez");
      await contact.getByRole("textbox", { name: /^Cargo/ }).fill("Gerente");
      await contact.getByRole("textbox", { name: /^Correo electrónico/ }).fill(CONTACT);
      await contact.getByRole("textbox", { name: /^Teléfono/ }).fill("+1 559 555 0100");

      // The menu of ways to help says what each is and the time it takes.
      const ways = page.getByRole("group", { name: "¿Cómo le gustaría ayudar?" });
      expect(await ways.textContent()).toContain("Tiempo necesario: Alrededor de 1 hora");
      await ways.getByRole("checkbox", { name: "Hablar con una clase" }).check();
      await ways.getByRole("checkbox", { name: "Recibir estudiantes de observación" }).check();

      const when = page.getByRole("group", { name: "Cuándo y cómo" });
      await when.getByRole("checkbox", { name: "Octubre" }).check();
      await when.getByRole("checkbox", { name: "Marzo" }).check();
      await when.getByRole("combobox", { name: /^En persona o en línea/ }).selectOption("in_person");
      await when.getByRole("textbox", { name: /^¿Algo más/ }).fill("Podemos recibir a 15 estudiantes.");

      // The honeypot is there for bots, not for people or screen readers.
      expect(await page.getByRole("textbox", { name: /fax/i }).count()).toBe(0);
      await expectFitsWidth(page);
      await expectAccessible(page, "the filled Spanish Get involved form at 390 px");

      await page.getByRole("button", { name: "Enviar mi ofrecimiento" }).click();
      const sent = page.getByRole("status").filter({ hasText: "Revise su correo electrónico" });
      await sent.waitFor();
      expect(await sent.textContent()).toContain(CONTACT);
      await expectAccessible(page, "the check-your-email answer");

      // Not counted yet: only the emailed link makes it reach the queue.
      const before = await suite.server.db.pool.query<{ status: string }>(
        "SELECT status FROM employer_interests WHERE contact_email = $1",
        [CONTACT],
      );
      expect(before.rows).toEqual([{ status: "unconfirmed" }]);

      await page.goto("/mailbox");
      const email = page.locator("details", {
        hasText: "Confirme su ofrecimiento de ayuda a estudiantes de Valley",
      });
      await email.waitFor({ timeout: 20_000 });
      expect(await email.locator("summary").textContent()).toContain(CONTACT);
      await email.locator("summary").click();
      const link = email.getByRole("link", { name: /\/r\/valley\/get-involved\/confirm\// });
      await link.waitFor();
      await link.click();

      await page.waitForURL(/\/get-involved\/confirm\//);
      await page.getByText("¡Gracias! Su ofrecimiento está confirmado").waitFor();
      expect(await page.getByRole("main").textContent()).toContain("Panadería del Valle");
      await expectFitsWidth(page);
      await expectAccessible(page, "the confirmation page at 390 px");

      // A second click is a friendly answer, not an error.
      await page.reload();
      await page.getByText("Su ofrecimiento ya está confirmado").waitFor();

      const after = await suite.server.db.pool.query<{ status: string; ways: string[]; language: string }>(
        "SELECT status, ways::text[] AS ways, language FROM employer_interests WHERE contact_email = $1",
        [CONTACT],
      );
      expect(after.rows).toEqual([{ status: "waiting", ways: ["class_talk", "job_shadows"], language: "es" }]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the intermediary the region's public address to hand to employers", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "Region settings");
      const address = page.getByRole("textbox", { name: "Address of the page" });
      expect(await address.inputValue()).toBe(`${suite.server.url}/r/valley/get-involved`);
      await expectAccessible(page, "region settings with the Get involved address");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
