import { emails, oneTimeLinks, placements } from "@bridgework/db";
import { and, asc, eq, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weeklyHoursReminders } from "../../worker/src/sweeps/reminder-hours.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  recordInsurance,
  signEverything,
} from "../../api/test/fixtures/placement.fixtures.ts";
import { createHarness, type Harness, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";

// 2031-07-01 is a Tuesday (ISO week 2031-W27); the placements run 2031-06-15 to 2031-07-31.
const TUESDAY = new Date("2031-07-01T17:00:00Z");
const clock = manualClock(TUESDAY);
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
  await recordInsurance(h, "Valley Medical Center", "2099-12-31");
});
afterAll(() => h.close());

const sweep = (now: Date) => weeklyHoursReminders({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });

/** An active placement with one pending hours entry logged on Tuesday (its supervisor got a link then). */
async function placementWithPendingHours() {
  clock.set(TUESDAY);
  const body = placementBody((await insertStudent(h)).id, await insertOpportunity(h));
  const created = await createPlacement(h, body);
  expect(created.statusCode).toBe(201);
  await signEverything(h, created.json());
  const id = created.json().id as string;
  expect(
    (
      await h.app.inject({
        method: "POST",
        url: `/api/placements/${id}/activate`,
        headers: await h.as("coordinator@valley.example"),
      })
    ).statusCode,
  ).toBe(200);
  const entry = await h.app.inject({
    method: "POST",
    url: `/api/placements/${id}/hours`,
    headers: await h.as("teacher@valley.example"),
    payload: { date: "2031-06-30", hours: 6 },
  });
  expect(entry.statusCode).toBe(201);
  return { id, entryId: entry.json().id as string, supervisor: body.supervisor.email };
}

const weekly = (placementId: string) =>
  h.db.db
    .select()
    .from(emails)
    .where(like(emails.dedupeKey, `placement:${placementId}:hours-week:%`))
    .orderBy(asc(emails.dedupeKey));
const HOURS = /http:\/\/bridgework\.test\/hours\/([A-Za-z0-9_-]{40,})/;
const tokenIn = (text: string) => HOURS.exec(text)![1]!;
const showHours = (token: string) => h.app.inject({ method: "GET", url: `/api/hours/${token}` });
/** The approval link emailed when the hours were logged. */
async function loggedLink(supervisor: string) {
  const [row] = await h.db.db
    .select()
    .from(emails)
    .where(and(eq(emails.to, supervisor), like(emails.dedupeKey, "hours-link:%")));
  return tokenIn(row!.text);
}

describe("weekly hours approval", () => {
  it("sends the supervisor a fresh approval link once per ISO week while hours wait, but not right after they got one", async () => {
    const { id, entryId, supervisor } = await placementWithPendingHours();
    const logged = await loggedLink(supervisor);

    await sweep(new Date("2031-07-01T18:00:00Z")); // the link from logging the hours is an hour old
    expect(await weekly(id)).toEqual([]);

    await sweep(new Date("2031-07-03T18:00:00Z"));
    await sweep(new Date("2031-07-03T18:00:00Z"));
    await sweep(new Date("2031-07-06T20:00:00Z")); // Sunday, same week
    let sent = await weekly(id);
    expect(sent.map((e) => [e.dedupeKey, e.to])).toEqual([[`placement:${id}:hours-week:2031-W27`, supervisor]]);
    expect(sent[0]!.subject).toBe("Weekly reminder: hours to approve for Maya Q. at Valley Medical Center");
    expect(sent[0]!.text).toContain("Maya Q. has 6 hours in 1 entry (since June 30, 2031) waiting for your approval");
    const fresh = tokenIn(sent[0]!.text);
    clock.set(new Date("2031-07-03T18:05:00Z"));
    expect((await showHours(logged)).statusCode).toBe(410);
    expect((await showHours(fresh)).json().entries.map((e: { id: string }) => e.id)).toEqual([entryId]);
    expect((await h.db.db.select().from(placements).where(eq(placements.id, id)))[0]!.lastHoursReminderOn).toBe(
      "2031-07-03",
    );

    await sweep(new Date("2031-07-07T09:00:00Z")); // Monday: a new week, still pending
    sent = await weekly(id);
    expect(sent.map((e) => e.dedupeKey)).toEqual([
      `placement:${id}:hours-week:2031-W27`,
      `placement:${id}:hours-week:2031-W28`,
    ]);

    clock.set(new Date("2031-07-07T10:00:00Z"));
    const decided = await h.app.inject({
      method: "POST",
      url: `/api/hours/${tokenIn(sent[1]!.text)}`,
      payload: { decisions: [{ id: entryId, approve: true }] },
    });
    expect(decided.statusCode).toBe(200);
    await sweep(new Date("2031-07-14T09:00:00Z"));
    expect(await weekly(id)).toHaveLength(2);
  });

  it("writes to a supervisor in the placement's supervisor language", async () => {
    const { id, supervisor } = await placementWithPendingHours();
    await h.db.db.update(placements).set({ supervisorLanguage: "es" }).where(eq(placements.id, id));
    await sweep(new Date("2031-07-10T18:00:00Z"));
    const [sent] = await weekly(id);
    expect(sent!.to).toBe(supervisor);
    expect(sent!.subject).toBe("Recordatorio semanal: horas por aprobar de Maya Q. en Valley Medical Center");
    expect(sent!.text).toContain(
      "Maya Q. tiene 6 horas en 1 registro (desde el 30 de junio de 2031) que esperan su aprobación",
    );
    clock.set(new Date("2031-07-10T18:05:00Z"));
    expect((await showHours(tokenIn(sent!.text))).statusCode).toBe(200);
  });

  it("sends each supervisor one link when two sweeps race, leaving one open link per placement", async () => {
    const a = await placementWithPendingHours();
    const b = await placementWithPendingHours();
    const now = new Date("2031-07-04T12:00:00Z");
    await Promise.all([sweep(now), sweep(now)]);
    for (const { id } of [a, b]) {
      const sent = await weekly(id);
      expect(sent).toHaveLength(1);
      const open = await h.db.db
        .select()
        .from(oneTimeLinks)
        .where(
          and(
            eq(oneTimeLinks.placementId, id),
            eq(oneTimeLinks.purpose, "hours"),
            isNull(oneTimeLinks.revokedAt),
            isNull(oneTimeLinks.usedAt),
          ),
        );
      expect(open).toHaveLength(1);
      clock.set(now);
      expect((await showHours(tokenIn(sent[0]!.text))).statusCode).toBe(200);
    }
  });
});
