/**
 * The app as `pnpm start` runs it (buildApp, jobs in-process on the inline driver, the default
 * pool of 10), in a process of its own so the load generator does not share its event loop.
 * Plus one bench-only route, GET /bench/ceiling: `SELECT 1` through the same pool with no auth,
 * validation or serialization work — what this server, pool and PostgreSQL can do at best.
 *
 * Forked by bench/brokering.ts with BENCH_DATABASE_URL; sends { port, drainedMs } once listening
 * and done with its start-up jobs, and closes everything on SIGTERM.
 */
import type { AddressInfo } from "node:net";
import { createDatabase } from "@bridgework/db";
import { createInlineDriver } from "@bridgework/jobs";
import { composeApp } from "@bridgework/server";
import { pino } from "pino";
import { loadConfig } from "../apps/api/src/config.ts";

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error("BENCH_DATABASE_URL is required");

const config = {
  ...loadConfig({
    JWT_SECRET: "bench-secret-bench-secret-bench-secret",
    PUBLIC_URL: "http://bench.local",
    DATABASE_URL: databaseUrl,
  }),
  webDist: null,
};
const database = createDatabase(databaseUrl);
const driver = createInlineDriver();
const { app, jobs } = await composeApp({
  config,
  db: database.db,
  driver,
  log: pino({ level: "silent" }),
  consume: true,
  sweepIntervalMs: config.sweepIntervalSeconds * 1000,
});
app.get("/bench/ceiling", async () => {
  const { rows } = await database.pool.query<{ one: number }>("SELECT 1 AS one");
  return { one: rows[0]!.one };
});
await app.listen({ port: 0, host: "127.0.0.1" });
// The start-up work first (the sweeps run once on start: at 10× they write and send thousands
// of reminders in this process), so no measurement shares the CPU with it.
const draining = performance.now();
await jobs.drain();
process.send?.({ port: (app.server.address() as AddressInfo).port, drainedMs: performance.now() - draining });

process.on("SIGTERM", () => {
  void (async () => {
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  })();
});
