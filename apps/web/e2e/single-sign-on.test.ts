import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../test/support/oidc-provider.ts";

// Real Chromium and a real OpenID Connect provider on a 2-core machine: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 180_000;
const CALLBACK = /\/api\/sign-in\/callback\?/;

const suite = browserSuite();
let idp: TestIdentityProvider;

beforeAll(async () => {
  idp = await startTestIdentityProvider({
    redirectUri: `${suite.server.url}/api/sign-in/callback`,
    accounts: [
      { email: "teacher@valley.example", name: "Tanya Nguyen" },
      { email: "stranger@elsewhere.example", name: "Sam Stranger" },
    ],
  });
}, 60_000);
afterAll(async () => {
  await idp?.close();
});

/** From the login page: types the email, follows "Sign in with Valley Unified" and logs in at the provider's own form as `login`. */
async function signInAtProvider(page: Page, email: string, login = email) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("link", { name: "Sign in with Valley Unified" }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("whatever-the-provider-checks");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

describe("district sign-in (OpenID Connect)", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets the intermediary add the district's identity provider, in English and Spanish, at phone width too", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "Identity providers");
      await page.getByRole("heading", { level: 1, name: "Identity providers" }).waitFor();
      await page.getByText("No identity provider yet.").waitFor();
      await page.getByRole("button", { name: "Add identity provider" }).click();
      const form = page.getByRole("form", { name: "Add identity provider" });
      await form.getByLabel("Name on the sign-in button").fill("Valley Unified");
      await form.getByLabel("Issuer URL").fill(idp.issuer);
      await form.getByLabel("Client ID").fill(idp.clientId);
      await form.getByLabel("Client secret").fill(idp.clientSecret);
      await form.getByLabel("Allowed email domains").fill("valley.example");
      await expectAccessible(page, "the add identity provider form");
      await form.getByRole("button", { name: "Save" }).click();
      await form.waitFor({ state: "detached" });
      await page.getByRole("heading", { level: 2, name: "Valley Unified" }).waitFor();
      await page.getByText("Client secret: set").waitFor();
      await page.getByText("Domains: valley.example").waitFor();
      expect(await page.getByRole("main").textContent()).not.toContain(idp.clientSecret);
      await expectAccessible(page, "the identity providers page");

      await page.setViewportSize({ width: 390, height: 844 });
      await expectFitsWidth(page);
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Proveedores de identidad" }).waitFor();
      await page.getByText("Secreto del cliente: guardado").waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "the identity providers page in Spanish at 390 px");
      await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");
    } finally {
      await context.close();
    }
  });

  it("signs an existing teacher in through the provider, onto their home page", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await page.getByLabel("Email").fill("teacher@valley.example");
      await page.getByRole("link", { name: "Sign in with Valley Unified" }).waitFor();
      await expectAccessible(page, "the login page with a sign-in button");
      await signInAtProvider(page, "teacher@valley.example");
      await page.getByRole("heading", { level: 1, name: "Welcome, Tanya Nguyen" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      // The session is a normal one: a reload brings it back through the refresh cookie.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Welcome, Tanya Nguyen" }).waitFor();
    } finally {
      await context.close();
    }
  });

  it("refuses an email outside the allowed domains, with the reason on the login page", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await signInAtProvider(page, "teacher@valley.example", "stranger@elsewhere.example");
      await page.waitForURL(/\/login\?signInError=domain/);
      await page
        .getByRole("alert")
        .filter({ hasText: "Your email address is not one this sign-in accepts." })
        .waitFor();
      await expectAccessible(page, "the login page after a refused sign-in");
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page
        .getByRole("alert")
        .filter({ hasText: "Su correo electrónico no es uno que este inicio de sesión acepte." })
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it("refuses a callback whose state was changed", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      // Start as the button does, from this browser (its cookies), but change the state on its way to the
      // provider: the provider hands back, in the callback URL, a state Bridgework never issued.
      const providers = await page.request.get("/api/sign-in/providers?email=teacher@valley.example");
      const [provider] = (await providers.json()) as Array<{ id: string }>;
      const start = await page.request.get(`/api/sign-in/${provider!.id}/start?email=teacher@valley.example`, {
        maxRedirects: 0,
      });
      expect(start.status()).toBe(302);
      const authorize = new URL(start.headers().location!);
      authorize.searchParams.set("state", `${authorize.searchParams.get("state")}-changed`);
      const answered = page.waitForRequest(CALLBACK);
      await page.goto(authorize.href);
      await page.locator('input[name="password"]').fill("whatever-the-provider-checks");
      await page.getByRole("button", { name: "Sign-in" }).click();
      expect(new URL((await answered).url()).searchParams.get("state")).toMatch(/-changed$/);
      await page.waitForURL(/\/login\?signInError=state/);
      await page
        .getByRole("alert")
        .filter({ hasText: "This sign-in link was already used, has expired or was changed." })
        .waitFor();
      expect(await page.getByRole("heading", { level: 1, name: /^Welcome/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("refuses the provider's answer presented a second time (a replayed code), even with the browser's cookie", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    const replay = await openPage(suite.browser, suite.server.url);
    try {
      const answered = page.waitForRequest(CALLBACK);
      await page.goto("/login");
      await page.getByLabel("Email").fill("teacher@valley.example");
      await page.getByRole("link", { name: "Sign in with Valley Unified" }).click();
      await page.waitForURL((url) => url.href.startsWith(idp.issuer));
      // The cookie that ties the answer to this browser (httpOnly: only the browser itself can read it).
      const binding = (await context.cookies()).find((c) => c.name === "bw_sign_in");
      expect(binding).toBeDefined();
      await page.locator('input[name="password"]').fill("whatever-the-provider-checks");
      await page.getByRole("button", { name: "Sign-in" }).click();
      const callback = (await answered).url();
      await page.getByRole("heading", { level: 1, name: "Welcome, Tanya Nguyen" }).waitFor();

      // The same answer again, from a browser holding the same binding cookie.
      await replay.context.addCookies([binding!]);
      await replay.page.goto(callback);
      await replay.page.waitForURL(/\/login\?signInError=state/);
      await replay.page.getByRole("alert").filter({ hasText: "This sign-in link was already used" }).waitFor();
      const refused = await suite.server.db.pool.query<{ reason: string; cause: string }>(
        "SELECT details->>'reason' AS reason, details->>'cause' AS cause FROM audit_log WHERE action = 'sign-in-refused' ORDER BY id DESC LIMIT 1",
      );
      expect(refused.rows[0]).toEqual({ reason: "state", cause: "state used before (replay)" });
    } finally {
      await replay.context.close();
      await context.close();
    }
  });

  it("keeps password login working", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "teacher@valley.example", "Welcome, Tanya Nguyen");
    } finally {
      await context.close();
    }
  });
});
