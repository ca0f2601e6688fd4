import { emails, users } from "@bridgework/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

// An invitation must not tell a region who has an account in another region: an address in use
// in Coast answers exactly like one in use in Valley (the inviter's own region).
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function invite(as: string, email: string, organization: string, role: string, language = "en") {
  const started = performance.now();
  const res = await h.app.inject({
    method: "POST",
    url: "/api/users",
    headers: { ...(await h.as(as)), "accept-language": language },
    payload: { email, name: "Probe Person", role, organizationId: await h.orgId(organization) },
  });
  return { res, ms: performance.now() - started };
}

/** The answer as a client can compare it: everything but the per-request id. */
function answer(res: Awaited<ReturnType<typeof invite>>["res"]) {
  const { requestId: _requestId, ...body } = res.json();
  return { status: res.statusCode, contentType: res.headers["content-type"], body };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("inviting an address already in use", () => {
  it.each([
    [
      "the intermediary",
      "intermediary@valley.example",
      "Sierra Builders",
      "employer",
      "employer@coast.example",
      "builder@valley.example",
    ],
    [
      "a coordinator",
      "coordinator@valley.example",
      "Valley High",
      "teacher",
      "coordinator@coast.example",
      "teacher2@valley.example",
    ],
    [
      "an employer",
      "employer@valley.example",
      "Valley Medical Center",
      "employer",
      "employer@coast.example",
      "teacher@valley.example",
    ],
  ])(
    "answers %s the same for another region's account as for its own region's, in English and Spanish",
    async (_who, as, organization, role, otherRegion, sameRegion) => {
      for (const language of ["en", "es"]) {
        const elsewhere = answer((await invite(as, otherRegion, organization, role, language)).res);
        const here = answer((await invite(as, sameRegion, organization, role, language)).res);
        expect(elsewhere).toEqual(here);
        expect(here.status).toBe(409);
        expect(here.body.errors).toEqual([{ path: "email", message: expect.any(String) }]);
      }
      const { res } = await invite(as, otherRegion, organization, role);
      expect(res.json().detail).toBe(
        "This email address can't be invited. If the person already uses Bridgework, look for them in your list of people; otherwise ask them for another address.",
      );
      expect(res.body).not.toMatch(/account|region|coast/i);
    },
  );

  it("creates nobody and emails nobody", async () => {
    const [before] = await h.db.db.select({ n: count() }).from(emails).where(eq(emails.to, "employer@coast.example"));
    expect(
      (await invite("intermediary@valley.example", "employer@coast.example", "Sierra Builders", "employer")).res
        .statusCode,
    ).toBe(409);
    const [after] = await h.db.db.select({ n: count() }).from(emails).where(eq(emails.to, "employer@coast.example"));
    expect(after!.n).toBe(before!.n);
    const coast = await h.db.db.select().from(users).where(eq(users.email, "employer@coast.example"));
    expect(coast).toHaveLength(1);
    expect(coast[0]!.organizationId).not.toBe(await h.orgId("Sierra Builders"));
  });

  it("takes about as long for another region's address as for its own region's", async () => {
    const elsewhere: number[] = [];
    const here: number[] = [];
    for (let i = 0; i < 3; i++)
      await invite("intermediary@valley.example", "employer@coast.example", "Sierra Builders", "employer"); // warm up
    for (let i = 0; i < 15; i++) {
      elsewhere.push(
        (await invite("intermediary@valley.example", "employer@coast.example", "Sierra Builders", "employer")).ms,
      );
      here.push(
        (await invite("intermediary@valley.example", "builder@valley.example", "Sierra Builders", "employer")).ms,
      );
    }
    // Same path through the code; allow for a shared, busy machine.
    expect(Math.abs(median(elsewhere) - median(here))).toBeLessThan(Math.max(5, 0.5 * median(here)));
  });
});
