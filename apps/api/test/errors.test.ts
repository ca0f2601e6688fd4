import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness.ts";

let h: Harness;
let auth: { authorization: string };
beforeAll(async () => {
  h = await createHarness();
  auth = await h.as("intermediary@valley.example");
});
afterAll(() => h.close());

const PROBLEM = "https://bridgework.dev/problems/";

/** What every error answer must look like: problem+json, the documented fields, nothing internal. */
function expectProblem(res: LightMyRequestResponse, status: number, slug: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ type: PROBLEM + slug, title: expect.any(String), status, detail: expect.any(String) });
  expect(body.requestId).toBe(res.headers["x-request-id"]);
  expectNoInternals(res.body);
  return body;
}

function expectNoInternals(body: string) {
  expect(body).not.toMatch(/\bat .+:\d+:\d+/); // stack frames
  expect(body).not.toMatch(/"stack"|node_modules|\.ts\b|\/work\/|FST_|ERR_/);
}

describe("error answers", () => {
  it("lists each invalid field with its path and a message (400 validation)", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: auth,
      payload: { type: "castle", name: "x", address: { postalCode: "ABCDE" }, sectors: ["Knitting"] },
    });
    const body = expectProblem(res, 400, "validation");
    const paths = (body.errors as Array<{ path: string; message: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["type", "name", "address.postalCode", "sectors.0"]));
    for (const e of body.errors) expect(e.message).toEqual(expect.any(String));
  });

  it("answers a bad query parameter or path id with 400, never 500", async () => {
    expectProblem(
      await h.app.inject({ method: "GET", url: "/api/organizations?pageSize=1000", headers: auth }),
      400,
      "validation",
    );
    const badId = expectProblem(
      await h.app.inject({ method: "GET", url: "/api/organizations/not-a-uuid", headers: auth }),
      400,
      "validation",
    );
    expect(badId.errors).toEqual([expect.objectContaining({ path: "id" })]);
  });

  it("answers malformed JSON with 400 problem", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@b.example", "password": ',
    });
    expectProblem(res, 400, "validation");
  });

  it("answers a JSON body that is not an object with 400 problem", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "null",
    });
    expectProblem(res, 400, "validation");
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "application/xml"])(
    "answers a %s body to a JSON route with 415 problem",
    async (type) => {
      const res = await h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": type },
        payload: "email=a@b.example&password=x",
      });
      expectProblem(res, 415, "unsupported-media-type");
    },
  );

  it("answers a body over 1 MiB with 413 problem", async () => {
    const payload = JSON.stringify({ email: "a@b.example", password: "x".repeat(1024 * 1024 + 10) });
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload,
    });
    expectProblem(res, 413, "payload-too-large");
  });

  it("answers text with a NUL character (which PostgreSQL cannot store) with 400, not 500", async () => {
    const body = await h.app.inject({
      method: "POST",
      url: "/api/pathways",
      headers: auth,
      payload: { name: "Nul\u0000Path", sector: "Public Services", schoolId: await h.orgId("Valley High") },
    });
    expectProblem(body, 400, "validation");
    expectProblem(
      await h.app.inject({ method: "GET", url: "/api/organizations?q=a%00b", headers: auth }),
      400,
      "validation",
    );
  });

  it("answers an unknown route with 404 problem", async () => {
    const body = expectProblem(
      await h.app.inject({ method: "GET", url: "/api/no-such-thing?x=1", headers: auth }),
      404,
      "not-found",
    );
    expect(body.detail).toContain("/api/no-such-thing");
    expectProblem(await h.app.inject({ method: "DELETE", url: "/api/organizations" }), 404, "not-found");
  });

  it("answers a missing record with 404 problem", async () => {
    expectProblem(
      await h.app.inject({
        method: "GET",
        url: "/api/organizations/00000000-0000-4000-8000-000000000000",
        headers: auth,
      }),
      404,
      "not-found",
    );
  });
});

describe("unexpected failures", () => {
  it("answers 500 with a request id only, keeping the cause (SQL, stack) out of the body", async () => {
    // A real unexpected failure: the table the route reads is gone.
    await h.db.db.execute(sql`ALTER TABLE pathways RENAME TO pathways_gone`);
    try {
      const res = await h.app.inject({ method: "GET", url: "/api/pathways", headers: auth });
      const body = expectProblem(res, 500, "internal");
      expect(Object.keys(body).sort()).toEqual(["detail", "requestId", "status", "title", "type"]);
      expect(res.body).not.toMatch(/pathways|relation|select|postgres/i);
    } finally {
      await h.db.db.execute(sql`ALTER TABLE pathways_gone RENAME TO pathways`);
    }
    expect((await h.app.inject({ method: "GET", url: "/api/pathways", headers: auth })).statusCode).toBe(200);
  });
});
