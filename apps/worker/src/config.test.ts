import { DEFAULT_TIMEOUTS } from "@bridgework/db";
import { REDISPATCH_AFTER_MS } from "@bridgework/jobs";
import { describe, expect, it } from "vitest";
import { loadWorkerConfig } from "./config.ts";
import { createSweeps } from "./sweeps/index.ts";

describe("the worker's configuration", () => {
  it("reads only the environment it is given, with the documented defaults", () => {
    expect(loadWorkerConfig({})).toEqual({
      databaseUrl: undefined,
      redisUrl: undefined,
      smtpUrl: undefined,
      publicUrl: "http://localhost:3000",
      queuePrefix: undefined,
      concurrency: undefined,
      lockDurationMs: undefined,
      stalledIntervalMs: undefined,
      sweepIntervalMs: 300_000,
      redispatchAfterMs: REDISPATCH_AFTER_MS,
      logLevel: "info",
      shutdownTimeoutMs: 25_000,
      databaseTimeouts: DEFAULT_TIMEOUTS,
      metrics: null,
    });
  });

  it("serves metrics only when METRICS_PORT is set: on this machine in development, every interface in production, with the token asked", () => {
    expect(loadWorkerConfig({ METRICS_PORT: "9465" }).metrics).toEqual({
      port: 9465,
      host: "localhost",
      token: undefined,
    });
    expect(loadWorkerConfig({ METRICS_PORT: "9465", NODE_ENV: "production", METRICS_TOKEN: "t0ken" }).metrics).toEqual({
      port: 9465,
      host: "0.0.0.0",
      token: "t0ken",
    });
    expect(loadWorkerConfig({ METRICS_PORT: "0", METRICS_HOST: "10.0.0.5" }).metrics).toEqual({
      port: 0,
      host: "10.0.0.5",
      token: undefined,
    });
    expect(() => loadWorkerConfig({ METRICS_PORT: "metrics" })).toThrow(/METRICS_PORT/);
  });

  it("turns seconds into milliseconds, keeps the defaults for invalid values, and drops a trailing slash from PUBLIC_URL", () => {
    const config = loadWorkerConfig({
      PUBLIC_URL: "https://bridgework.example.org/",
      SWEEP_INTERVAL_SECONDS: "2",
      OUTBOX_REDISPATCH_SECONDS: "-1",
      JOB_LOCK_SECONDS: "10",
      WORKER_CONCURRENCY: "16",
    });
    expect(config).toMatchObject({
      publicUrl: "https://bridgework.example.org",
      sweepIntervalMs: 2000,
      redispatchAfterMs: REDISPATCH_AFTER_MS,
      lockDurationMs: 10_000,
      concurrency: 16,
    });
  });
});

describe("the sweeps the worker runs", () => {
  it("are every feature's sweep, by name, built from the configuration given", () => {
    expect(Object.keys(createSweeps({ publicUrl: "http://bridgework.test" })).sort()).toEqual(
      [
        "erase-retention",
        "expire-requests",
        "expire-district-exports",
        "match-nudges",
        "reminder-engagement-tomorrow",
        "reminder-feedback",
        "reminder-hours-weekly",
        "reminder-insurance-expiring",
        "reminder-paperwork",
        "reminder-paperwork-escalation",
        "prune-unconfirmed-interests",
        "event-thanks",
        "event-volunteer-reminders",
      ].sort(),
    );
  });
});
