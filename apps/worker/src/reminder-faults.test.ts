import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCountingSmtp, type CountingSmtp } from "../../../test/support/counting-smtp.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { startPrivateRedis } from "../../../test/support/private-redis.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../test/support/redis.ts";
import { startWorkerProcess, type WorkerProcess } from "../../../test/support/worker-process.ts";

/**
 * Fault tests of the real worker process (node apps/worker/src/main.ts) against real PostgreSQL,
 * Redis and SMTP: ITEMS unsigned documents are due a reminder; the sweeps run from the BullMQ
 * job scheduler, write one email per document (dedupe key `doc:<id>:reminder:1`, one signer
 * address per document) and deliver them. The SMTP server counts what it accepted per address.
 *
 * The time is delivery, not waiting: about 650 real emails a second through the worker on a
 * quiet 2-core machine once the sweep has written them (~250 while it renders them). The proof
 * promised is 10,000 per fault, so that stays the default; REMINDER_FAULT_ITEMS=2500 gives a
 * quicker run while working on this file.
 */
const ITEMS = Number(process.env.REMINDER_FAULT_ITEMS) || 10_000;
const items = ITEMS.toLocaleString("en-US");
/** Generous: on a loaded 2-core machine the same run takes several times longer than on a quiet one. */
const LONG = 480_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => {});
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: "demo" });
});
afterAll(() => db?.destroy());

/**
 * ITEMS placements in Valley (one student, one unsigned waiver each) whose sign request went
 * out 4 days ago and whose due date is 10 days ahead: every one is due its first reminder.
 */
async function insertDueDocuments(tag: string): Promise<string[]> {
  await db.db.execute(sql`
    WITH org AS (
      SELECT sch.region_id, sch.parent_id AS district_id, sch.id AS school_id,
             (SELECT id FROM organizations WHERE name = 'Valley Medical Center') AS employer_id,
             (SELECT id FROM users WHERE email = 'coordinator@valley.example') AS coordinator_id
      FROM organizations sch WHERE sch.name = 'Valley High'
    ),
    opp AS (
      INSERT INTO opportunities (region_id, employer_id, kind, level, sector, title, modality, capacity, status)
      SELECT region_id, employer_id, 'internship', 'experience', 'Health Science and Medical Technology', ${`Fault test ${tag}`}, 'in_person', 1, 'published' FROM org
      RETURNING id
    ),
    template AS (
      INSERT INTO document_templates (region_id, kind, version, title_en, title_es, body_en, body_es)
      SELECT region_id, 'liability_waiver', ${1000 + Math.floor(Math.random() * 100_000)}, 'Waiver', 'Exención', 'Body', 'Cuerpo' FROM org
      RETURNING id
    ),
    st AS (
      INSERT INTO students (region_id, district_id, school_id, local_id, first_name, last_name, birth_date, grade, guardian_name, guardian_email)
      SELECT org.region_id, org.district_id, org.school_id, ${tag} || '-' || n, 'Student', 'N' || n, '2009-01-01', 11, 'Guardian ' || n, ${tag} || '-' || n || '@signers.test'
      FROM org, generate_series(1, ${ITEMS}) n
      RETURNING id, region_id, district_id, school_id, guardian_name, guardian_email
    ),
    pl AS (
      INSERT INTO placements (region_id, district_id, school_id, student_id, opportunity_id, employer_id, start_date, end_date, supervisor_name, supervisor_email, created_by)
      SELECT st.region_id, st.district_id, st.school_id, st.id, opp.id, org.employer_id, current_date + 20, current_date + 60, 'Dr. Lena Ortiz', 'lena@vmc.test', org.coordinator_id
      FROM st, opp, org
      RETURNING id, student_id
    )
    INSERT INTO documents (region_id, placement_id, template_id, kind, signer_role, signer_name, signer_email, language, due_on, rendered_text, created_at)
    SELECT st.region_id, pl.id, template.id, 'liability_waiver', 'guardian', st.guardian_name, st.guardian_email, 'en', current_date + 10, 'Body', now() - interval '4 days'
    FROM pl JOIN st ON st.id = pl.student_id, template`);
  const rows = await db.db.execute<{ email: string }>(
    sql`SELECT signer_email AS email FROM documents WHERE signer_email LIKE ${`${tag}-%`}`,
  );
  return rows.rows.map((r) => r.email);
}

interface Tally {
  items: number;
  delivered: number;
  lost: number;
  /** Distinct messages beyond one per reminder: a reminder written or sent as a second email. */
  duplicated: number;
  /** SMTP transactions repeated with the same Message-ID (a mailbox shows them once). */
  resent: number;
  unexpected: number;
}

/**
 * Lost = due reminders the SMTP server never got; duplicated = a recipient got more than one
 * distinct message; resent = the same message (same Message-ID) handed to the server again.
 */
function tally(smtp: CountingSmtp, expected: string[]): Tally {
  const wanted = new Set(expected);
  let lost = 0;
  let duplicated = 0;
  let resent = 0;
  for (const address of expected) {
    const n = smtp.counts.get(address) ?? 0;
    const distinct = smtp.messageIds.get(address)?.size ?? 0;
    if (n === 0) lost++;
    duplicated += Math.max(0, distinct - 1);
    resent += n - distinct;
  }
  const unexpected = [...smtp.counts.keys()].filter((a) => !wanted.has(a)).length;
  return {
    items: expected.length,
    delivered: expected.filter((a) => smtp.counts.has(a)).length,
    lost,
    duplicated,
    resent,
    unexpected,
  };
}

/** Every reminder row sent and every outbox row done, in PostgreSQL. */
async function databaseSettled(tag: string): Promise<boolean> {
  const [row] = (
    await db.db.execute<{ queued: number; sent: number; open: number }>(sql`
      SELECT count(*) FILTER (WHERE e.status <> 'sent')::int AS queued, count(*) FILTER (WHERE e.status = 'sent')::int AS sent,
             (SELECT count(*)::int FROM outbox WHERE status <> 'done') AS open
      FROM emails e WHERE e.to LIKE ${`${tag}-%`}`)
  ).rows;
  return row!.sent === ITEMS && row!.queued === 0 && row!.open === 0;
}

/**
 * Jobs at once per worker. The time per email is mostly waiting (PostgreSQL, Redis, the SMTP
 * server's replies), so more jobs in flight send faster: 64 sent about 240 emails a second on a
 * quiet 2-core machine where 16 sent 150 (before the mailer turned Nagle's algorithm off: ~650 now). It is also the bound on messages a SIGKILL may make
 * the worker hand over twice (see the kill test).
 */
const CONCURRENCY = 64;

function workerEnv(
  smtp: CountingSmtp,
  redis: string,
  prefix: string,
  redispatchSeconds: number,
): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    REDIS_URL: redis,
    QUEUE_PREFIX: prefix,
    // Pooled SMTP connections, as a production relay would be used, kept open for the whole run
    // (nodemailer's default reconnects every 100 messages).
    SMTP_URL: `${smtp.url}?pool=true&maxConnections=16&maxMessages=100000`,
    PUBLIC_URL: "http://bridgework.test",
    SWEEP_INTERVAL_SECONDS: "2",
    WORKER_CONCURRENCY: String(CONCURRENCY),
    // Short so that recovery fits in a test; production keeps 5 minutes and BullMQ's 30 s lock.
    OUTBOX_REDISPATCH_SECONDS: String(redispatchSeconds),
    JOB_LOCK_SECONDS: "10",
    JOB_STALLED_CHECK_SECONDS: "1",
  };
}

async function started(env: Record<string, string>): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(env);
  cleanups.push(() => worker.stop());
  return worker;
}

const waitFor = (what: string, check: () => boolean | Promise<boolean>, timeoutMs = LONG) =>
  eventually(async () => ((await check()) ? true : undefined), timeoutMs, what);

/** Once everything is in, waits a little longer: a late duplicate (a job run twice) would land now. */
async function settle(smtp: CountingSmtp) {
  let last = -1;
  while (smtp.total() !== last) {
    last = smtp.total();
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** Waits until every reminder arrived and the database shows it sent, then settles; the tally and how long it took from t0. */
async function drain(
  smtp: CountingSmtp,
  expected: string[],
  tag: string,
  t0: number,
): Promise<{ t: Tally; drainMs: number }> {
  await waitFor("every reminder to arrive", () => tally(smtp, expected).lost === 0);
  await waitFor("the database to show every reminder sent", () => databaseSettled(tag));
  const drainMs = Date.now() - t0;
  await settle(smtp);
  return { t: tally(smtp, expected), drainMs };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Messages accepted so far, every 10 s, for the report: where a fault stalls delivery and for how long. */
function timeline(smtp: CountingSmtp, t0: number) {
  const points: string[] = [];
  const timer = setInterval(() => points.push(`${Math.round((Date.now() - t0) / 1000)}s:${smtp.total()}`), 10_000);
  return { points, stop: () => clearInterval(timer) };
}

function report(title: string, t: Tally, drainMs: number, extra: Record<string, number | string> = {}) {
  console.log(`${title}: ${JSON.stringify({ ...t, drainSeconds: seconds(drainMs), ...extra })}`);
}

describe("reminders survive the worker and Redis failing", () => {
  it(`delivers each of ${items} due reminders as exactly one message when the worker is killed with SIGKILL mid-run and restarted`, {
    timeout: 2 * LONG,
  }, async () => {
    const tag = "kill";
    const expected = await insertDueDocuments(tag);
    const smtp = await startCountingSmtp();
    cleanups.push(() => smtp.close());
    const prefix = uniqueQueuePrefix();
    cleanups.push(() => deleteQueueKeys(prefix));
    // A kill leaves Redis intact: the killed worker's jobs come back through BullMQ's stalled-job check
    // (JOB_LOCK_SECONDS), not through the outbox, so the redispatch delay keeps its default.
    const env = workerEnv(smtp, redisUrl(), prefix, 300);

    const t0 = Date.now();
    const progress = timeline(smtp, t0);
    cleanups.push(async () => progress.stop());
    const first = await started(env);
    await waitFor("a quarter of the reminders to arrive", () => smtp.total() >= ITEMS / 4);
    await first.kill9();
    const atKill = smtp.total();
    const killedAt = Date.now();

    await started(env);
    const { t, drainMs } = await drain(smtp, expected, tag, t0);
    report("kill -9", t, drainMs, {
      deliveredBeforeKill: atKill,
      killedAtSeconds: seconds(killedAt - t0),
      drainAfterKillSeconds: seconds(drainMs - (killedAt - t0)),
      timeline: progress.points.join(" "),
    });
    expect(t.lost).toBe(0);
    expect(t.unexpected).toBe(0);
    // Each recipient got one message: one email row per due reminder, one Message-ID.
    expect(t.duplicated).toBe(0);
    // No protocol can do better at the SMTP boundary: a message the server accepted just before
    // the kill, whose `sent` mark never committed, is handed over again with the same Message-ID.
    // That window is one SMTP reply plus one UPDATE per in-flight job: at most WORKER_CONCURRENCY.
    expect(t.resent).toBeLessThanOrEqual(CONCURRENCY);
    const [reminders] = (
      await db.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM emails WHERE dedupe_key LIKE 'doc:%:reminder:1' AND "to" LIKE ${`${tag}-%`}`,
      )
    ).rows;
    expect(reminders!.n).toBe(ITEMS);
  });

  it(`delivers each of ${items} due reminders exactly once when Redis is emptied with FLUSHALL mid-run`, {
    timeout: 2 * LONG,
  }, async () => {
    const tag = "flush";
    const expected = await insertDueDocuments(tag);
    // FLUSHALL on the shared Redis would wipe every other test file's queues: this one gets its own.
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const smtp = await startCountingSmtp();
    cleanups.push(() => smtp.close());
    // What Redis forgot comes back from the outbox once dispatched rows are this stale.
    const env = workerEnv(smtp, redis.url, uniqueQueuePrefix(), 10);

    const t0 = Date.now();
    const progress = timeline(smtp, t0);
    cleanups.push(async () => progress.stop());
    await started(env);
    await waitFor("a quarter of the reminders to arrive", () => smtp.total() >= ITEMS / 4);
    expect(await redis.client.flushall()).toBe("OK");
    const atFlush = smtp.total();
    const flushedAt = Date.now();

    const { t, drainMs } = await drain(smtp, expected, tag, t0);
    report("FLUSHALL", t, drainMs, {
      deliveredBeforeFlush: atFlush,
      flushedAtSeconds: seconds(flushedAt - t0),
      drainAfterFlushSeconds: seconds(drainMs - (flushedAt - t0)),
      timeline: progress.points.join(" "),
    });
    expect(t.lost).toBe(0);
    expect(t.unexpected).toBe(0);
    // Nothing was killed: a job Redis forgot is handed over again and finds its email sent.
    expect(t.duplicated).toBe(0);
    expect(t.resent).toBe(0);
    // The job scheduler went with the flush and is back: the sweeps run again.
    await waitFor(
      "the sweep scheduler to be back in Redis",
      async () => (await redis.client.keys("*:sweep:repeat:reminder-sweeps")).length > 0,
      30_000,
    );
  });
});
