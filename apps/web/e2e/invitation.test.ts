import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 90_000;
const NEW_PASSWORD = "correct horse battery staple";

const suite = browserSuite();

/** Invites a new teacher at Valley High through the API, as the region's intermediary. */
async function inviteTeacher(email: string, name: string) {
  const authorization = await suite.server.bearer("intermediary@valley.example");
  const orgs = await fetch(`${suite.server.url}/api/organizations?type=school&q=Valley%20High`, {
    headers: { authorization },
  });
  const school = ((await orgs.json()) as { items: { id: string; name: string }[] }).items.find(
    (o) => o.name === "Valley High",
  );
  if (!school) throw new Error("Valley High is missing from the demo data");
  const res = await fetch(`${suite.server.url}/api/users`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({ email, name, role: "teacher", organizationId: school.id }),
  });
  expect(res.status).toBe(201);
}

describe("invitations", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("shows the invitation email in the dev mailbox and lets the invitee set a password and log in", async () => {
    await inviteTeacher("nina.flores@valley.example", "Nina Flores");
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      // The dev mailbox needs no login; delivery is a background job, and the page polls.
      await page.goto("/mailbox");
      await page.getByRole("heading", { level: 1, name: "Dev mailbox" }).waitFor();
      const email = page.locator("details", { hasText: "You're invited to Bridgework (Valley High)" });
      await email.waitFor({ timeout: 20_000 });
      expect(await email.locator("summary").textContent()).toContain("To: nina.flores@valley.example");
      await email.locator("summary").click();
      const link = email.getByRole("link", { name: /\/invite\// });
      await link.waitFor();
      await expectAccessible(page, "the dev mailbox");

      await link.click();
      await page.waitForURL(/\/invite\//);
      await page.getByText("Hello Nina Flores,").waitFor();
      expect(await page.getByRole("main").textContent()).toContain(
        "You have been invited to Bridgework as Teacher for Valley High.",
      );

      // Too short: the shared schema's message, next to the field.
      await page.getByLabel(/^New password/).fill("short");
      await page.getByLabel(/^Repeat the password/).fill("short");
      await page.getByRole("button", { name: "Set password" }).click();
      await page.getByText("The new password needs at least 12 characters.").waitFor();
      await expectAccessible(page, "the invitation form with a field error");

      await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
      await page.getByLabel(/^Repeat the password/).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Set password" }).click();

      await page.waitForURL(/\/login/);
      await page.getByText("Your account is ready. Log in with your new password.").waitFor();
      expect(await page.getByLabel("Email").inputValue()).toBe("nina.flores@valley.example");
      await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("heading", { level: 1, name: "Welcome, Nina Flores" }).waitFor();
      expect(await page.getByRole("main").textContent()).toContain("OrganizationValley High");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("tells a visitor kindly that a used invitation link no longer works", async () => {
    await inviteTeacher("omar.haddad@valley.example", "Omar Haddad");
    const mailbox = await fetch(`${suite.server.url}/api/dev/mailbox?to=omar.haddad@valley.example`);
    let emails = (await mailbox.json()) as { text: string }[];
    for (let i = 0; i < 50 && emails.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      emails = (await (await fetch(`${suite.server.url}/api/dev/mailbox?to=omar.haddad@valley.example`)).json()) as {
        text: string;
      }[];
    }
    const link = emails[0]?.text.match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
    if (!link) throw new Error("no invitation link in the email");
    const token = link.split("/invite/")[1]!;
    const used = await fetch(`${suite.server.url}/api/invitations/${token}/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: NEW_PASSWORD }),
    });
    expect(used.status).toBe(200);

    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto(`/invite/${token}`);
      const alert = page.getByRole("alert");
      await alert.getByText("This link can no longer be used").waitFor();
      expect(await alert.textContent()).toContain("already used or has expired");
      await expectAccessible(page, "the expired invitation page");
    } finally {
      await context.close();
    }
  });

  it("lets a coordinator invite a teacher from the staff page and resend the invitation; only the newest link works", async () => {
    const email = "paula.reyes@valley.example";
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "District staff" })
        .click();
      await page.getByRole("heading", { level: 1, name: "District staff" }).waitFor();

      await page.getByRole("button", { name: "Invite someone" }).click();
      const form = page.getByRole("form", { name: "Invite someone" });
      // A coordinator invites teachers, at the district's own schools.
      expect(await form.getByLabel("Role").locator("option").allInnerTexts()).toEqual(["Teacher"]);
      // The organization chooser searches the district's own schools as one types.
      const schools = form.getByRole("combobox", { name: /^Organization/ });
      await schools.fill("High");
      await page.getByRole("option", { name: "Eastside High" }).waitFor();
      expect(await page.getByRole("listbox").getByRole("option").allInnerTexts()).not.toContain("Riverbend High");
      await schools.press("Escape");
      // The shared schema speaks first.
      await form.getByLabel("Email").fill("not-an-email");
      await form.getByRole("button", { name: "Send invitation" }).click();
      await form.getByText("Check the email: an email address looks like name@example.org.").waitFor();
      await expectAccessible(page, "the invite form with a field error");

      // An address in use in another region is refused like one in use here, without saying where.
      await form.getByLabel("Name").fill("Paula Reyes");
      await form.getByLabel("Email").fill("coordinator@coast.example");
      await schools.fill("eastside");
      await page.getByRole("option", { name: "Eastside High" }).click();
      await form.getByRole("button", { name: "Send invitation" }).click();
      await form.getByText("Can't be invited: use another address").waitFor();
      const refusal = (await form.getByRole("alert").first().textContent()) ?? "";
      expect(refusal).toContain("If the person already uses Bridgework, look for them in your list of people");
      expect(refusal).not.toMatch(/coast|account/i);
      await expectAccessible(page, "the invite form refusing an address in use");

      // The school stays chosen: only the address changes.
      await form.getByLabel("Email").fill(email);
      await form.getByRole("button", { name: "Send invitation" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `An invitation is on its way to ${email}.` })
        .waitFor();
      const row = page.getByRole("row", { name: /Paula Reyes/ });
      expect(await row.getByRole("cell").allTextContents()).toEqual([
        email,
        "Teacher",
        "Eastside High",
        "Invited",
        "Resend invitation",
      ]);

      await row.getByRole("button", { name: "Resend invitation to Paula Reyes" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `A new invitation link is on its way to ${email}` })
        .waitFor();
      await expectAccessible(page, "the staff page after a resend");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // Two emails; the first link was revoked by the second.
    let tokens: string[] = [];
    for (let i = 0; i < 50 && tokens.length < 2; i++) {
      const emails = (await (await fetch(`${suite.server.url}/api/dev/mailbox?to=${email}`)).json()) as {
        text: string;
      }[];
      tokens = emails.map((e) => e.text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!).reverse();
      if (tokens.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(tokens).toHaveLength(2);
    expect((await fetch(`${suite.server.url}/api/invitations/${tokens[0]}`)).status).toBe(410);
    expect((await fetch(`${suite.server.url}/api/invitations/${tokens[1]}`)).status).toBe(200);
  });
});
