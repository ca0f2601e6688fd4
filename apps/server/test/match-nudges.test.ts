import { emails, organizations } from "@bridgework/db";
import { createSweeps } from "@bridgework/worker";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type ManualClock, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";
import {
  createMatchVia,
  get,
  insertOpportunity,
  insertRequest,
  post,
  T,
  TEST_NOW,
} from "../../api/test/fixtures/match.fixtures.ts";

/**
 * The worker's reminder sweep for unanswered asks, over matches made through the API: a test of
 * the composition, so it lives with the entry package that depends on both.
 */
let h: Harness;
let clock: ManualClock;
beforeAll(async () => {
  clock = manualClock(TEST_NOW);
  h = await createHarness({ clock });
  // Many asks go to one employer here; the monthly cap has its own tests.
  await h.db.db.update(organizations).set({ askCapPerMonth: null }).where(eq(organizations.type, "employer"));
});
afterAll(() => h.close());

const DAY = 24 * 3600_000;

async function approvedMatch() {
  const request = await insertRequest(h);
  return createMatchVia(h, T.coordinator, request.id, (await insertOpportunity(h)).id);
}

describe("reminders for unanswered asks", () => {
  const sweeps = createSweeps({ publicUrl: PUBLIC_URL });
  const sweep = sweeps["match-nudges"]!;
  const reminders = async (matchId: string) => {
    const rows = await h.db.db
      .select()
      .from(emails)
      .where(and(like(emails.dedupeKey, `match:${matchId}:%`)));
    return {
      nudges: rows.filter((e) => e.dedupeKey.includes(":nudge:")),
      escalations: rows.filter((e) => e.dedupeKey.includes(":escalate:")),
    };
  };

  it("nudges the employer once after 3 days and tells the coordinator once after 7, however often and however concurrently it runs", async () => {
    clock.set(TEST_NOW);
    const m = await approvedMatch();
    const answered = await approvedMatch();
    await post(h, T.employer, `/api/matches/${answered.id}/accept`, {});
    const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);

    await sweep({ db: h.db.db, now: at(2) });
    expect(await reminders(m.id)).toEqual({ nudges: [], escalations: [] });

    await sweep({ db: h.db.db, now: at(4) });
    await sweep({ db: h.db.db, now: at(4) });
    let sent = await reminders(m.id);
    expect(sent.nudges.map((e) => e.to)).toEqual([T.employer]);
    expect(sent.nudges[0]!.subject).toBe("Reminder: Valley High is waiting for your answer");
    expect(sent.escalations).toEqual([]);

    const [first, second] = await Promise.all([sweep({ db: h.db.db, now: at(8) }), sweep({ db: h.db.db, now: at(8) })]);
    await sweep({ db: h.db.db, now: at(8) });
    sent = await reminders(m.id);
    expect(sent.nudges).toHaveLength(1);
    expect(sent.escalations.map((e) => e.to)).toEqual([T.coordinator]);
    expect(sent.escalations[0]!.subject).toBe("No answer from Valley Medical Center after 8 days");
    expect(first! + second!).toBeGreaterThanOrEqual(1);
    expect(await reminders(answered.id)).toEqual({ nudges: [], escalations: [] });

    // Delivered once each, through the outbox.
    await h.jobs.drain();
    const delivered = await h.db.db
      .select()
      .from(emails)
      .where(like(emails.dedupeKey, `match:${m.id}:%`));
    expect(delivered.filter((e) => e.status === "sent")).toHaveLength(3);
  });

  it("is one of the sweeps the job runtime is given, under match-nudges, and runs with the other sweeps", async () => {
    expect(sweep).toBeTypeOf("function");
    clock.set(TEST_NOW);
    const m = await approvedMatch();
    const counts = await h.jobs.runSweeps(new Date(TEST_NOW.getTime() + 4 * DAY));
    expect(counts["match-nudges"]).toBeGreaterThanOrEqual(1);
    expect((await reminders(m.id)).nudges).toHaveLength(1);
    expect((await get(h, T.employer, `/api/matches/${m.id}`)).json().status).toBe("approved");
  });
});
