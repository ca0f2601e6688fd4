import { createDatabase } from "@bridgework/db";
import { createInlineDriver } from "@bridgework/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, TEST_JWT_SECRET } from "../../../test/harness.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: false });
});
afterAll(() => h.close());

describe("GET /api/health", () => {
  it("answers 200 { status: ok, database: ok, queue: inline } without logging in", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok", queue: "inline", queueUp: true });
  });

  it("answers 503 with database: down when PostgreSQL cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so every query fails fast.
    const unreachable = createDatabase("postgres://postgres@127.0.0.1:1/nowhere");
    const driver = createInlineDriver();
    const app = await buildApp({
      config: { ...loadConfig({ JWT_SECRET: TEST_JWT_SECRET }), webDist: null },
      db: unreachable.db,
      driver,
    });
    try {
      const res = await app.inject({ method: "GET", url: "/api/health" });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: "degraded", database: "down", queue: "inline" });
    } finally {
      await app.close();
      await driver.close();
      await unreachable.close();
    }
  });
});
