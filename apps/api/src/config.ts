import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  publicUrl: string;
  jwtSecret: string;
  production: boolean;
  demo: boolean;
  dataDir: string;
  sweepIntervalSeconds: number;
  /** The built SPA to serve at `/`, when present. */
  webDist: string | null;
  queuePrefix: string | undefined;
  /** Which proxies may set X-Forwarded-For (hops, or addresses/CIDRs); off by default so clients cannot spoof their IP. */
  trustProxy: boolean | number | string;
}

function trustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === "false" || value === "0") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** JWT_SECRET is required in production; elsewhere one is generated once and kept under .data/. */
function jwtSecret(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (production) throw new Error("JWT_SECRET must be set when NODE_ENV=production.");
  const file = path.join(dataDir, "jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Development servers (with the login-free dev mailbox) answer only this machine unless HOST
 * says otherwise; production (the container) listens on every interface behind its proxy.
 * `localhost` makes Fastify listen on both loopbacks, 127.0.0.1 and ::1.
 */
function defaultHost(production: boolean): string {
  return production ? "0.0.0.0" : "localhost";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const production = env.NODE_ENV === "production";
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(root, env.DATA_DIR ?? ".data");
  const webDist = path.resolve(root, "apps/web/dist");
  return {
    port,
    host: env.HOST ?? defaultHost(production),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    jwtSecret: jwtSecret(env, production, dataDir),
    production,
    demo: !production && env.DEMO !== "0",
    dataDir,
    sweepIntervalSeconds: Number(env.SWEEP_INTERVAL_SECONDS ?? 300),
    webDist: existsSync(path.join(webDist, "index.html")) ? webDist : null,
    queuePrefix: env.QUEUE_PREFIX || undefined,
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
