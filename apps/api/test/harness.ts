import { seedDemo } from "@bridgework/db/seed";
import { organizations, users } from "@bridgework/db";
import { createInlineDriver, type JobDriver } from "@bridgework/jobs";
import { createMailer, type JobsRuntime, startJobs } from "@bridgework/worker";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { App } from "../src/lib/app-types.ts";
import type { Clock } from "../src/lib/clock.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";

export const DEMO_PASSWORD = "bridgework-demo";

export interface Harness {
  app: App;
  db: TestDatabase;
  jobs: JobsRuntime;
  driver: JobDriver;
  /** Logs in as a demo user and returns an Authorization header. */
  as(email: string): Promise<{ authorization: string }>;
  /** Id of a demo organization by name. */
  orgId(name: string): Promise<string>;
  userId(email: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  clock?: Clock;
  driver?: JobDriver;
  smtpUrl?: string;
  seed?: boolean;
}

/** A whole app on a fresh database with the demo regions loaded, jobs in-process unless a driver is given. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDatabase();
  if (options.seed !== false) await seedDemo(db.db);
  const config = { ...loadConfig({ JWT_SECRET: "test-secret-test-secret-test-secret", PUBLIC_URL: "http://bridgework.test", SMTP_URL: options.smtpUrl }), webDist: null };
  const driver = options.driver ?? createInlineDriver({ backoffMs: 20 });
  const log = pino({ level: "silent" });
  const jobs = await startJobs({ db: db.db, driver, mailer: createMailer(options.smtpUrl), log, consume: true, clock: options.clock ? () => options.clock!.now() : undefined });
  const app = await buildApp({ config, db: db.db, driver, kick: jobs.kick, clock: options.clock });
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
        const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: DEMO_PASSWORD }, remoteAddress: `10.9.${tokens.size}.1` });
        if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
        token = res.json().accessToken as string;
        tokens.set(email, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async orgId(name) {
      const [row] = await db.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
      if (!row) throw new Error(`no organization ${name}`);
      return row.id;
    },
    async userId(email) {
      const [row] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!row) throw new Error(`no user ${email}`);
      return row.id;
    },
    async close() {
      await app.close();
      await jobs.stop();
      await db.destroy();
    },
  };
}
