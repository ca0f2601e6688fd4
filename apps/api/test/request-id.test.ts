import { Writable } from "node:stream";
import { createInlineDriver } from "@bridgework/jobs";
import { composeApp } from "@bridgework/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { loadConfig } from "../src/config.ts";
import type { App } from "../src/lib/app-types.ts";
import { TEST_JWT_SECRET } from "./harness.ts";

/**
 * One id follows a request through the proxy's log, ours and the answer: every log line of the
 * request and every problem answer carry it, and a well-formed `X-Request-Id` from the proxy is
 * that id. The API's log (pino, as in production) is captured through a stream.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let database: TestDatabase;
let app: App;
let stop: () => Promise<void>;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = {
    ...loadConfig({ JWT_SECRET: TEST_JWT_SECRET, PUBLIC_URL: "http://bridgework.test" }),
    webDist: null,
  };
  const composed = await composeApp({
    config,
    db: database.db,
    driver: createInlineDriver(),
    log: pino({ level: "silent" }),
    logger: { level: "info", stream },
    consume: false,
  });
  app = composed.app;
  await app.ready();
  stop = async () => {
    await app.close();
    await composed.jobs.stop();
  };
});
afterAll(async () => {
  await stop?.();
  await database?.destroy();
});

/** The log lines written for one request id. */
const logOf = (id: string) => lines.filter((line) => line.requestId === id);

describe("request ids", () => {
  it("puts the same id in the problem answer, its header and every log line of the request", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "nobody" } });
    expect(res.statusCode).toBe(400);
    const id = res.json().requestId as string;
    expect(id).toMatch(UUID);
    expect(res.headers["x-request-id"]).toBe(id);
    const log = logOf(id);
    expect(log.map((line) => line.msg)).toEqual(["incoming request", "request completed"]);
    // No line of the request goes without it.
    expect(
      lines.filter(
        (line) => line.req && line.requestId !== id && (line.req as { url?: string }).url === "/api/auth/login",
      ),
    ).toEqual([]);
  });

  it("keeps a well-formed X-Request-Id from the proxy", async () => {
    const given = "edge-7f3a.1:2_b";
    const res = await app.inject({ method: "GET", url: "/api/no-such-route", headers: { "x-request-id": given } });
    expect(res.statusCode).toBe(404);
    expect(res.json().requestId).toBe(given);
    expect(res.headers["x-request-id"]).toBe(given);
    expect(logOf(given)).toHaveLength(2);
  });

  it.each([
    ["too long", "a".repeat(129)],
    ["a newline (a forged log line)", 'ok\n{"level":50,"msg":"forged"}'],
    ["spaces and quotes", 'x" onmouseover="y'],
    ["empty", ""],
  ])("replaces an X-Request-Id with %s by a fresh UUID", async (_what, given) => {
    const res = await app.inject({ method: "GET", url: "/api/no-such-route", headers: { "x-request-id": given } });
    expect(res.statusCode).toBe(404);
    const id = res.json().requestId as string;
    expect(id).toMatch(UUID);
    expect(res.headers["x-request-id"]).toBe(id);
    expect(logOf(id)).toHaveLength(2);
    expect(lines.some((line) => line.requestId === given || line.msg === "forged")).toBe(false);
  });

  it("gives every request an id of its own", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await app.inject({ method: "GET", url: "/api/health" })).headers["x-request-id"]),
    );
    expect(new Set(ids).size).toBe(3);
  });
});

describe("the API documentation", () => {
  it("describes requestId in the problem schema", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      components?: { schemas?: Record<string, unknown> };
      paths: Record<string, unknown>;
    };
    const text = JSON.stringify(doc);
    expect(text).toContain("also in the X-Request-Id header and on every log line");
  });
});
