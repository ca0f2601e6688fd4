import { type Config, loadConfig } from "@bridgework/api";
import { databaseTimeoutsFrom, type DatabaseTimeouts } from "@bridgework/db";
import { type MetricsConfig, metricsConfigFrom } from "@bridgework/worker";

/** The API's configuration plus what only the composed process needs. */
export interface ServerConfig extends Config {
  logLevel: string;
  /** With REDIS_URL, fork a worker process (START_WORKER=0: workers run elsewhere). */
  startWorker: boolean;
  /** The environment a forked worker inherits (PATH, TZ…), before the settings from this config are laid over it. */
  inheritedEnv: NodeJS.ProcessEnv;
  /** The pool's connect, statement and idle-in-transaction limits (DB_*_TIMEOUT_SECONDS). */
  databaseTimeouts: DatabaseTimeouts;
  /**
   * SHUTDOWN_TIMEOUT_SECONDS (25): on SIGTERM/SIGINT, the longest the in-flight requests, jobs and
   * pool may take to finish before the process gives up and exits 1 (under the 30 s orchestrators wait).
   */
  shutdownTimeoutMs: number;
  /**
   * GET /metrics (Prometheus) on a port of its own: METRICS_PORT (off when unset), METRICS_HOST
   * (default HOST), METRICS_TOKEN (a bearer token scrapes must send, when set).
   */
  metrics: MetricsConfig | null;
  /** WORKER_METRICS_PORT: the forked worker's own metrics port (it is a process of its own); off when unset. */
  workerMetricsPort: string | undefined;
  /**
   * SHUTDOWN_DRAIN_DELAY_SECONDS (0): on SIGTERM, how long to keep the port open answering every
   * new request 503 + Retry-After (health included) before closing it. Behind a load balancer,
   * set it to what the balancer needs to stop sending here (a health-check interval or two):
   * closing the port at once resets connections the kernel had accepted but Node had not yet
   * read, and those requests are lost. Counted within SHUTDOWN_TIMEOUT_SECONDS.
   */
  drainDelayMs: number;
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** A positive number of seconds in milliseconds, else the fallback. */
export function shutdownTimeoutFrom(raw: string | undefined): number {
  const seconds = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : DEFAULT_SHUTDOWN_TIMEOUT_MS;
}

/** Non-negative seconds in milliseconds; 0 when unset or invalid. */
export function drainDelayFrom(raw: string | undefined): number {
  const seconds = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

/** Reads the environment once, at start; nothing below the entry point reads `process.env`. */
export function loadServerConfig(env: NodeJS.ProcessEnv, root = process.cwd()): ServerConfig {
  const config = loadConfig(env, root);
  return {
    ...config,
    logLevel: env.LOG_LEVEL ?? "info",
    startWorker: env.START_WORKER !== "0",
    inheritedEnv: env,
    databaseTimeouts: databaseTimeoutsFrom(env),
    shutdownTimeoutMs: shutdownTimeoutFrom(env.SHUTDOWN_TIMEOUT_SECONDS),
    metrics: metricsConfigFrom(env, config.host),
    workerMetricsPort: env.WORKER_METRICS_PORT || undefined,
    drainDelayMs: drainDelayFrom(env.SHUTDOWN_DRAIN_DELAY_SECONDS),
  };
}
