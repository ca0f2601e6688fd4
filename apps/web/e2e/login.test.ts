import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserSuite,
  DEMO_PASSWORD,
  expectAccessible,
  expectFitsWidth,
  openPage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 90_000;

const suite = browserSuite();

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

// Each entry's own label, without the count of what waits there ("Approval queue, 2 waiting" and its badge).
const navLabels = async (page: Page, name = "Main navigation") =>
  await page
    .getByRole("navigation", { name })
    .locator(".mantine-NavLink-label")
    .evaluateAll((labels) => labels.map((l) => l.firstChild?.textContent ?? ""));

const ROLES = [
  {
    email: "intermediary@valley.example",
    name: "Irene Alvarez",
    role: "Intermediary",
    org: "Valley Career Pathways Collaborative",
    nav: [
      "Home",
      "Calendar",
      "Dashboard",
      "Report builder",
      "Self-assessment",
      "Approval queue",
      "All matches",
      "Opportunities",
      "Requests",
      "Events",
      "Placements",
      "Students",
      "Insurance",
      "Organizations",
      "Get involved submissions",
      "Grow employers",
      "Thank-you letters",
      "Pathways",
      "Users",
      "Failed jobs",
      "District data",
      "Region settings",
      "Identity providers",
      "Profile",
    ],
  },
  {
    email: "coordinator@valley.example",
    name: "Carlos Mendoza",
    role: "WBL coordinator",
    org: "Valley Unified",
    nav: [
      "Home",
      "Calendar",
      "Dashboard",
      "Report builder",
      "Self-assessment",
      "Approval queue",
      "All matches",
      "Requests",
      "Opportunities",
      "Events",
      "Placements",
      "Students",
      "Insurance",
      "Organizations",
      "Pathways",
      "District staff",
      "District data",
      "Profile",
    ],
  },
  {
    email: "teacher@valley.example",
    name: "Tanya Nguyen",
    role: "Teacher",
    org: "Valley High",
    nav: [
      "Home",
      "Calendar",
      "My requests",
      "Opportunities",
      "Events",
      "Students",
      "Pathways",
      "Organizations",
      "Profile",
    ],
  },
  {
    email: "employer@valley.example",
    name: "Elena Park",
    role: "Employer partner",
    org: "Valley Medical Center",
    nav: [
      "Home",
      "Calendar",
      "My opportunities",
      "Incoming asks",
      "Insurance",
      "Our team",
      "Organizations",
      "Preferences",
      "Profile",
    ],
  },
];

describe("logging in", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each(ROLES)(
    "takes the $email account to its role's home with its name, organization and navigation",
    async ({ email, name, role, org, nav }) => {
      const { context, page, problems } = await openPage(suite.browser, suite.server.url);
      try {
        await page.goto("/");
        await page.waitForURL(/\/login/);
        await logIn(page, email);

        await page.getByRole("heading", { level: 1, name: `Welcome, ${name}` }).waitFor();
        const welcome = await page.getByRole("main").textContent();
        expect(welcome).toContain(`Organization${org}`);
        expect(welcome).toContain("RegionValley");
        expect(welcome).toContain(`Role${role}`);
        // The dev mailbox entry is added for everyone in development.
        expect(await navLabels(page)).toEqual([...nav, "Dev mailbox"]);
        await page.getByText("Your region at a glance").waitFor();
        await page.locator(".stat-value").first().waitFor();
        await expectAccessible(page, `${email}'s home`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it("shows the server's answer when the password is wrong and stays on the login page", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await expectAccessible(page, "the login page");
      await logIn(page, "teacher@valley.example", "not-the-password");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.innerText()).toContain("The email or password is not right.");
      expect(new URL(page.url()).pathname).toBe("/login");
      await expectAccessible(page, "the login page with an error");
    } finally {
      await context.close();
    }
  });

  it("says how long to wait after too many wrong passwords, in English and Spanish, on a phone", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/login");
      // An account no other test here logs in as: its pair with this address stays refused for 15 minutes.
      for (let i = 0; i < 5; i++) {
        await logIn(page, "builder@valley.example", `wrong-${i}`);
        await page.getByRole("alert").getByText("The email or password is not right.").waitFor();
      }
      await logIn(page, "builder@valley.example");
      await page.getByRole("alert").getByText("Too many attempts. Try again in 15 minutes.").waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
      await expectFitsWidth(page);
      await expectAccessible(page, "the login page after too many attempts");

      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("button", { name: "Iniciar sesión" }).click();
      await page.getByRole("alert").getByText("Demasiados intentos. Vuelva a intentarlo en 15 minutos.").waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows field errors from the shared schema before calling the server", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await logIn(page, "not-an-email", "x");
      await page.getByText("Check the email: an email address looks like name@example.org.").waitFor();
      await expectAccessible(page, "the login form with field errors");
    } finally {
      await context.close();
    }
  });

  it("keeps the session across a reload through the refresh cookie, and logs out", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await logIn(page, "coordinator@valley.example");
      await page.getByRole("heading", { name: "Welcome, Carlos Mendoza" }).waitFor();
      await page.reload();
      await page.getByRole("heading", { name: "Welcome, Carlos Mendoza" }).waitFor();

      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL(/\/login/);
      await page.goto("/profile");
      await page.waitForURL(/\/login\?redirect=/);
      await page.getByRole("heading", { name: "Log in to Bridgework" }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("pages behind the navigation", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lists the region's organizations and filters them by type", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/organizations");
      await logIn(page, "intermediary@valley.example");
      await page.getByRole("heading", { level: 1, name: "Organizations" }).waitFor();
      const table = page.getByRole("table", { name: "Organizations in your region" });
      await table.getByRole("rowheader", { name: "Valley Unified" }).waitFor();
      expect(await table.innerText()).not.toContain("Coast");

      await page.getByLabel("Type").selectOption("employer");
      await page.waitForURL(/type=employer/);
      await table.getByRole("rowheader", { name: "Valley Medical Center" }).waitFor();
      await table.getByRole("rowheader", { name: "Valley Unified" }).waitFor({ state: "detached" });
      await expectAccessible(page, "the organizations page");

      // A header's sort button: the column says its order (aria-sort), the rows follow, axe stays clean.
      const byName = table.getByRole("columnheader", { name: "Name" });
      await byName.getByRole("button", { name: "Name" }).click();
      expect(await byName.getAttribute("aria-sort")).toBe("ascending");
      const names = await table.getByRole("rowheader").allInnerTexts();
      expect(names.length).toBeGreaterThan(1);
      expect(names).toEqual(
        [...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })),
      );
      await byName.getByRole("button", { name: "Name" }).click();
      expect(await byName.getAttribute("aria-sort")).toBe("descending");
      expect(await table.getByRole("rowheader").allInnerTexts()).toEqual([...names].reverse());
      await expectAccessible(page, "the organizations page sorted by name");

      await page.getByRole("link", { name: "Users" }).click();
      await page.getByRole("table", { name: "Users" }).getByRole("rowheader", { name: "Tanya Nguyen" }).waitFor();
      await expectAccessible(page, "the users page");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a teacher the pathways with their schools, and the profile", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await logIn(page, "teacher@valley.example");
      await page.getByRole("heading", { name: "Welcome, Tanya Nguyen" }).waitFor();
      // After a page change, focus starts at the new page's content.
      expect(await page.locator(":focus").getAttribute("id")).toBe("main");
      // Keyboard: on a fresh load the first Tab reaches the skip link, which jumps past the navigation.
      await page.reload();
      await page.getByRole("heading", { name: "Welcome, Tanya Nguyen" }).waitFor();
      await page.keyboard.press("Tab");
      expect(await page.locator(":focus").textContent()).toBe("Skip to main content");
      await page.keyboard.press("Enter");
      expect(await page.locator(":focus").getAttribute("id")).toBe("main");

      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Pathways" }).click();
      const row = page.getByRole("row", { name: /Health Science Health Science and Medical Technology Valley High/ });
      await row.waitFor();
      await expectAccessible(page, "the pathways page");

      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Profile" }).click();
      await page.getByRole("heading", { name: "Your profile" }).waitFor();
      await page.getByText("teacher@valley.example").waitFor();
      await expectAccessible(page, "the profile page");
    } finally {
      await context.close();
    }
  });
});

describe("language", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("switches the interface and the page language to Spanish, and once logged in saves the choice as the person's language", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await page.getByRole("heading", { name: "Log in to Bridgework" }).waitFor();
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("heading", { name: "Iniciar sesión en Bridgework" }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("es");

      await page.getByLabel("Correo electrónico").fill("employer@valley.example");
      await page.getByLabel(/^Contraseña/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Iniciar sesión" }).click();
      // After login the app speaks the person's saved language (English); the header menu changes and saves it.
      await page.getByRole("heading", { name: "Welcome, Elena Park" }).waitFor();
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("heading", { name: "Bienvenido/a, Elena Park" }).waitFor();
      await page.getByRole("navigation", { name: "Navegación principal" }).waitFor();
      expect(await navLabels(page, "Navegación principal")).toEqual([
        "Inicio",
        "Calendario",
        "Mis oportunidades",
        "Peticiones recibidas",
        "Seguros",
        "Nuestro equipo",
        "Organizaciones",
        "Preferencias",
        "Perfil",
        "Buzón de desarrollo",
      ]);
      expect(await page.getByRole("main").textContent()).toContain("FunciónEmpleador colaborador");
      await expectAccessible(page, "the Spanish home page");
      await expect
        .poll(
          async () =>
            (
              await suite.server.db.pool.query<{ language: string }>(
                "SELECT language FROM users WHERE email = 'employer@valley.example'",
              )
            ).rows[0]!.language,
        )
        .toBe("es");

      await page.reload();
      await page.getByRole("heading", { name: "Bienvenido/a, Elena Park" }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("es");
    } finally {
      await suite.server.db.pool.query("UPDATE users SET language = 'en' WHERE email = 'employer@valley.example'");
      await context.close();
    }
  });
});

describe("the accessibility check itself", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("fails on a page with an image without a text alternative and pale text, naming both", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await expectAccessible(page, "the login page");
      // Checked once clean, then broken in place: the second check must see what changed.
      await page.evaluate(() => {
        const main = document.querySelector("main") ?? document.body;
        main.insertAdjacentHTML(
          "beforeend",
          '<img src="/favicon.svg"><p style="color:#ddd;background:#fff;font-size:12px">Hard to read</p>',
        );
      });
      const failure = await expectAccessible(page, "the broken login page").then(
        () => "",
        (error: Error) => error.message,
      );
      expect(failure).toContain("Accessibility violations on the broken login page");
      expect(failure).toContain("image-alt");
      expect(failure).toContain("color-contrast");
    } finally {
      await context.close();
    }
  });
});
