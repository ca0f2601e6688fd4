import { databaseTimeoutsFrom, type DatabaseTimeouts } from "@bridgework/db";
import { REDISPATCH_AFTER_MS } from "@bridgework/jobs";

/** Everything the worker process reads from its environment, read once by `main.ts`. */
export interface WorkerConfig {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  /** Base of links in reminder emails; the same rule as the API's `loadConfig`. */
  publicUrl: string;
  queuePrefix: string | undefined;
  concurrency: number | undefined;
  /** How soon jobs held by a worker that died (kill -9, OOM) run again elsewhere; BullMQ's 30 s when unset. */
  lockDurationMs: number | undefined;
  stalledIntervalMs: number | undefined;
  sweepIntervalMs: number;
  /** Work Redis lost (FLUSHALL, failover) is handed over again after this long. */
  redispatchAfterMs: number;
  logLevel: string;
  /** SHUTDOWN_TIMEOUT_SECONDS (25): how long the jobs in progress may take to finish on SIGTERM before exit 1. */
  shutdownTimeoutMs: number;
  /** The pool's limits (DB_*_TIMEOUT_SECONDS): a job whose database hangs fails and is retried. */
  databaseTimeouts: DatabaseTimeouts;
  /** GET /metrics (Prometheus) on METRICS_PORT, METRICS_HOST (default localhost), METRICS_TOKEN; off when the port is unset. */
  metrics: MetricsConfig | null;
}

export interface MetricsConfig {
  port: number;
  host: string;
  /** When set, scrapes must send `Authorization: Bearer <token>`. */
  token: string | undefined;
}

/**
 * The metrics listener of a process: on when METRICS_PORT is set (0 = any free port), on
 * METRICS_HOST (else `defaultHost`), with METRICS_TOKEN asked when set. Shared by the server's config.
 */
export function metricsConfigFrom(env: NodeJS.ProcessEnv, defaultHost: string): MetricsConfig | null {
  const raw = env.METRICS_PORT;
  if (raw === undefined || raw === "") return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`METRICS_PORT must be a port number (0-65535), not "${raw}".`);
  return { port, host: env.METRICS_HOST || defaultHost, token: env.METRICS_TOKEN || undefined };
}

/** A non-negative number of seconds, in milliseconds; `fallbackMs` when unset or invalid. */
function secondsAsMs<T extends number | undefined>(raw: string | undefined, fallbackMs: T): number | T {
  const seconds = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallbackMs;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ""),
    queuePrefix: env.QUEUE_PREFIX || undefined,
    concurrency: Number(env.WORKER_CONCURRENCY) || undefined,
    lockDurationMs: secondsAsMs(env.JOB_LOCK_SECONDS, undefined),
    stalledIntervalMs: secondsAsMs(env.JOB_STALLED_CHECK_SECONDS, undefined),
    sweepIntervalMs: secondsAsMs(env.SWEEP_INTERVAL_SECONDS, 300_000),
    redispatchAfterMs: secondsAsMs(env.OUTBOX_REDISPATCH_SECONDS, REDISPATCH_AFTER_MS),
    logLevel: env.LOG_LEVEL ?? "info",
    shutdownTimeoutMs: secondsAsMs(env.SHUTDOWN_TIMEOUT_SECONDS, 25_000) || 25_000,
    databaseTimeouts: databaseTimeoutsFrom(env),
    // The API's rule for HOST: this machine only in development, every interface in a container.
    metrics: metricsConfigFrom(env, env.NODE_ENV === "production" ? "0.0.0.0" : "localhost"),
  };
}
