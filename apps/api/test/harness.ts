import { emails, organizations, users } from "@bridgework/db";
import { createInlineDriver, type JobDriver } from "@bridgework/jobs";
// The whole system's composition (API + jobs), from the entry package: the API package itself
// does not depend on the worker. Resolved through the workspace root, which depends on every app.
import { type ComposedApp, composeApp, type ComposeOptions } from "@bridgework/server";
import { desc, eq } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import type { App } from "../src/lib/app-types.ts";
import type { Clock } from "../src/lib/clock.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";

export const DEMO_PASSWORD = "bridgework-demo";
export const TEST_JWT_SECRET = "test-secret-test-secret-test-secret";
export const PUBLIC_URL = "http://bridgework.test";

export interface Harness {
  app: App;
  db: TestDatabase;
  jobs: ComposedApp["jobs"];
  driver: JobDriver;
  /** Logs in as a demo user and returns an Authorization header. */
  as(email: string): Promise<{ authorization: string }>;
  /** Id of a demo organization by name. */
  orgId(name: string): Promise<string>;
  userId(email: string): Promise<string>;
  /** The newest email row sent to an address (the dev mailbox's view), or null. */
  lastEmailTo(to: string): Promise<typeof emails.$inferSelect | null>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  clock?: Clock;
  driver?: JobDriver;
  smtpUrl?: string;
  seed?: boolean;
  /** Process jobs in this process (default). False = only dispatch the outbox, as the API does with a separate worker. */
  consume?: boolean;
  /** The sweeps the job runtime runs; every feature's sweep (as in production) when unset. */
  sweeps?: ComposeOptions["sweeps"];
}

/** A clock the test moves by hand, for expiry and rate-limit windows. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(date: Date): void;
}

export function manualClock(start = new Date()): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    set(date) {
      now = date.getTime();
    },
  };
}

/** A whole app on a fresh database with the demo regions loaded, jobs in-process unless a driver is given. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  // The demo organizations and logins, without the demo history, so each test controls its own data
  // (a copy of the template seeded once per run).
  const db = await createTestDatabase({ seed: options.seed === false ? "none" : "demo" });
  const config = {
    ...loadConfig({ JWT_SECRET: TEST_JWT_SECRET, PUBLIC_URL, SMTP_URL: options.smtpUrl }),
    webDist: null,
  };
  const driver = options.driver ?? createInlineDriver({ backoffMs: 20 });
  const { app, jobs } = await composeApp({
    config,
    db: db.db,
    driver,
    log: pino({ level: "silent" }),
    consume: options.consume ?? true,
    clock: options.clock,
    sweeps: options.sweeps,
  });
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    jobs,
    driver,
    async as(email) {
      let token = tokens.get(email);
      if (!token) {
        const res = await app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email, password: DEMO_PASSWORD },
          remoteAddress: `10.9.${tokens.size}.1`,
        });
        if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
        token = res.json().accessToken as string;
        tokens.set(email, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async orgId(name) {
      const [row] = await db.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.name, name));
      if (!row) throw new Error(`no organization ${name}`);
      return row.id;
    },
    async userId(email) {
      const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!row) throw new Error(`no user ${email}`);
      return row.id;
    },
    async lastEmailTo(to) {
      const [row] = await db.db
        .select()
        .from(emails)
        .where(eq(emails.to, to.toLowerCase()))
        .orderBy(desc(emails.createdAt))
        .limit(1);
      return row ?? null;
    },
    async close() {
      await app.close();
      await jobs.stop();
      await db.destroy();
    },
  };
}
