import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("editing an organization", () => {
  it("keeps the postal code when only the city is changed", async () => {
    const id = await h.orgId("Sierra Builders");
    const res = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${id}`,
      headers: await h.as("intermediary@valley.example"),
      payload: { address: { city: "Fresno" } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().address).toEqual({ city: "Fresno", postalCode: "93612" });
  });

  it("refuses an ask cap on an organization that is not an employer", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: await h.as("intermediary@valley.example"),
      payload: { type: "postsecondary", name: "Clovis Community College", askCapPerMonth: 3 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "askCapPerMonth", message: "Only employers have an ask cap" }]);
  });

  it("does not trust X-Forwarded-For unless TRUST_PROXY says so", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "x@valley.example", password: "nope-nope" },
      headers: { "x-forwarded-for": "203.0.113.9" },
      remoteAddress: "10.44.0.1",
    });
    expect(res.statusCode).toBe(401);
    const rows = await h.db.pool.query("SELECT ip FROM login_failures WHERE email = 'x@valley.example'");
    expect(rows.rows.map((r) => r.ip)).toEqual(["10.44.0.1"]);
  });
});
