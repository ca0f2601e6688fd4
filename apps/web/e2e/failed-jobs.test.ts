import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;
const RECIPIENT = "guardian.bounced@example.com";
const SUBJECT = "Please sign: guardian consent (failed-jobs test)";

const suite = browserSuite();

/**
 * An email in Valley whose delivery gave up after its retries, as the job pipeline leaves it: the
 * email row `failed` with the server's last answer, its outbox row `failed`. Written in one
 * statement so the in-process dispatcher never sees it pending.
 */
async function failedValleyEmail(): Promise<string> {
  const { rows } = await suite.server.db.pool.query<{ id: string }>(
    `WITH e AS (
       INSERT INTO emails (region_id, dedupe_key, "to", subject, text, status, attempts, last_error)
       SELECT region_id, 'test:failed-jobs', $1, $2, 'Hello', 'failed', 5, '451 Mailbox temporarily unavailable'
       FROM organizations WHERE name = 'Valley High'
       RETURNING id)
     INSERT INTO outbox (queue, payload, status, attempts, last_error)
     SELECT 'email', jsonb_build_object('emailId', e.id), 'failed', 5, '451 Mailbox temporarily unavailable' FROM e
     RETURNING id`,
    [RECIPIENT, SUBJECT],
  );
  return rows[0]!.id;
}

describe("failed jobs", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("shows the intermediary an email that gave up, with its error, and a retry delivers it", async () => {
    const outboxId = await failedValleyEmail();
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Failed jobs" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Failed jobs" }).waitFor();

      const row = page.getByRole("row", { name: new RegExp(RECIPIENT) });
      await row.waitFor();
      const cells = await row.getByRole("cell").allInnerTexts();
      expect(cells).toEqual(["email", "5", "451 Mailbox temporarily unavailable", expect.any(String), "Retry"]);
      expect(await row.getByRole("rowheader").innerText()).toBe(`“${SUBJECT}” to ${RECIPIENT}`);
      await expectAccessible(page, "the failed jobs page");

      // Keyboard: the retry button is reachable and pressed with Enter.
      await row.getByRole("button", { name: `Retry “${SUBJECT}” to ${RECIPIENT}` }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: "is back in line and will be sent again" }).waitFor();
      // Delivered by the in-process worker, it leaves the list.
      await page.getByText("No failed jobs. Every email and background run went through.").waitFor({ timeout: 30_000 });
      await expectAccessible(page, "the failed jobs page after a retry");

      const { rows } = await suite.server.db.pool.query<{ outbox: string; email: string }>(
        `SELECT o.status AS outbox, e.status AS email FROM outbox o JOIN emails e ON e.id = (o.payload->>'emailId')::uuid WHERE o.id = $1`,
        [outboxId],
      );
      expect(rows[0]).toEqual({ outbox: "done", email: "sent" });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("is not offered to a coordinator, and the API refuses them", async () => {
    const { context, page } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      const links = await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link").allInnerTexts();
      expect(links).not.toContain("Failed jobs");
      const res = await fetch(`${suite.server.url}/api/admin/jobs/failed`, {
        headers: { authorization: await suite.server.bearer("coordinator@valley.example") },
      });
      expect(res.status).toBe(403);
    } finally {
      await context.close();
    }
  });
});
