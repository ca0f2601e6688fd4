import { emails, matches, organizations } from "@bridgework/db";
import { asc, eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type ManualClock, manualClock, PUBLIC_URL } from "../../../test/harness.ts";
import { inviteUid } from "@bridgework/notifications";
import {
  createMatchVia,
  insertOpportunity,
  insertRequest,
  post,
  T,
  TEST_NOW,
} from "../../../test/fixtures/match.fixtures.ts";

let h: Harness;
let clock: ManualClock;
beforeAll(async () => {
  clock = manualClock(TEST_NOW);
  h = await createHarness({ clock });
  // Many asks go to one employer here; the monthly cap has its own tests.
  await h.db.db.update(organizations).set({ askCapPerMonth: null }).where(eq(organizations.type, "employer"));
});
afterAll(() => h.close());

/** Email rows about one match, oldest first. */
async function mailAbout(matchId: string) {
  await h.jobs.drain();
  return h.db.db
    .select()
    .from(emails)
    .where(like(emails.dedupeKey, `match:${matchId}:%`))
    .orderBy(asc(emails.createdAt), asc(emails.dedupeKey));
}

function parseInvite(email: typeof emails.$inferSelect) {
  expect(email.attachments).toHaveLength(1);
  const [attachment] = email.attachments;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment!.content, "base64").toString("utf8")));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    attachment: attachment!,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
  };
}

async function approvedMatch() {
  const request = await insertRequest(h);
  return createMatchVia(h, T.coordinator, request.id, (await insertOpportunity(h)).id);
}

describe("match emails", () => {
  it("sends nothing for a teacher's proposal and exactly one email to the employer when it is approved", async () => {
    clock.set(TEST_NOW);
    const m = await createMatchVia(h, T.teacher, (await insertRequest(h)).id, (await insertOpportunity(h)).id);
    expect(await mailAbout(m.id)).toEqual([]);
    await post(h, T.coordinator, `/api/matches/${m.id}/approve`);
    await post(h, T.coordinator, `/api/matches/${m.id}/approve`); // 409: no second email
    const mail = await mailAbout(m.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      to: T.employer,
      status: "sent",
      subject: "New request from Valley High: Industry tour",
    });
    expect(mail[0]!.text).toContain(`${PUBLIC_URL}/matches/${m.id}`);
    const mailbox = (await h.app.inject({ method: "GET", url: `/api/dev/mailbox?to=${T.employer}` })).json();
    expect(mailbox.filter((e: { id: string }) => e.id === mail[0]!.id)).toHaveLength(1);
  });

  it("tells the teacher and the district's coordinator when the employer accepts, and again when it declines", async () => {
    clock.set(TEST_NOW);
    const m = await approvedMatch();
    await post(h, T.employer, `/api/matches/${m.id}/accept`, {});
    await post(h, T.employer, `/api/matches/${m.id}/decline`, { reason: "Our guide is ill" });
    const mail = (await mailAbout(m.id)).filter((e) => !e.dedupeKey.includes(":approved:"));
    expect(mail.map((e) => [e.to, e.subject]).sort()).toEqual(
      [
        [T.coordinator, "Valley Medical Center accepted: Industry tour"],
        [T.teacher, "Valley Medical Center accepted: Industry tour"],
        [T.coordinator, "Valley Medical Center declined: Industry tour"],
        [T.teacher, "Valley Medical Center declined: Industry tour"],
      ].sort(),
    );
    expect(mail.find((e) => e.subject.includes("declined"))!.text).toContain("Our guide is ill");
    expect(mail.every((e) => e.attachments.length === 0)).toBe(true);
  });

  it("sends the teacher and the employer a calendar invite when scheduled, an update with a higher SEQUENCE on reschedule, and a CANCEL on cancel", async () => {
    clock.set(TEST_NOW);
    const m = await approvedMatch();
    await post(h, T.employer, `/api/matches/${m.id}/accept`, { scheduledAt: "2031-03-12T16:00:00Z" });
    let invites = (await mailAbout(m.id)).filter((e) => e.dedupeKey.includes(":invite:0:"));
    expect(invites.map((e) => e.to).sort()).toEqual([T.employer, T.teacher].sort());
    for (const email of invites) {
      const ics = parseInvite(email);
      expect(ics.attachment).toMatchObject({ filename: "invite.ics", contentType: "text/calendar; method=REQUEST" });
      expect(ics).toMatchObject({
        method: "REQUEST",
        uid: `match-${m.id}@bridgework.dev`,
        sequence: 0,
        start: new Date("2031-03-12T16:00:00Z"),
      });
      expect(ics.attendees.sort()).toEqual([`mailto:${T.employer}`, `mailto:${T.teacher}`].sort());
    }

    await post(h, T.employer, `/api/matches/${m.id}/schedule`, { scheduledAt: "2031-03-13T17:30:00Z" });
    invites = (await mailAbout(m.id)).filter((e) => e.dedupeKey.includes(":invite:1:"));
    expect(invites).toHaveLength(2);
    expect(invites[0]!.subject).toMatch(/^Rescheduled: /);
    expect(parseInvite(invites[0]!)).toMatchObject({
      method: "REQUEST",
      uid: inviteUid(m.id),
      sequence: 1,
      start: new Date("2031-03-13T17:30:00Z"),
    });

    await post(h, T.teacher, `/api/matches/${m.id}/cancel`, { reason: "Testing week moved" });
    const cancels = (await mailAbout(m.id)).filter((e) => e.dedupeKey.includes(":invite-cancel:"));
    expect(cancels.map((e) => e.to).sort()).toEqual([T.employer, T.teacher].sort());
    const ics = parseInvite(cancels[0]!);
    expect(ics.attachment.contentType).toBe("text/calendar; method=CANCEL");
    expect(ics).toMatchObject({
      method: "CANCEL",
      uid: inviteUid(m.id),
      sequence: 2,
      start: new Date("2031-03-13T17:30:00Z"),
    });
    const [row] = await h.db.db.select().from(matches).where(eq(matches.id, m.id));
    expect(row!.icsSequence).toBe(2);
  });

  it("withdraws the invite when the employer declines a scheduled engagement", async () => {
    clock.set(TEST_NOW);
    const m = await approvedMatch();
    await post(h, T.employer, `/api/matches/${m.id}/accept`, { scheduledAt: "2031-03-12T16:00:00Z" });
    await post(h, T.employer, `/api/matches/${m.id}/decline`, { reason: "Site closed" });
    const cancels = (await mailAbout(m.id)).filter((e) => e.dedupeKey.includes(":invite-cancel:1:"));
    expect(cancels).toHaveLength(2);
    expect(parseInvite(cancels[0]!)).toMatchObject({ method: "CANCEL", sequence: 1 });
  });

  it("tells the employer when the school cancels an ask it had already seen", async () => {
    clock.set(TEST_NOW);
    const m = await approvedMatch();
    await post(h, T.coordinator, `/api/matches/${m.id}/cancel`, { reason: "Class trip moved" });
    const mail = (await mailAbout(m.id)).filter((e) => e.dedupeKey.includes(":cancelled:"));
    expect(mail.map((e) => e.to)).toEqual([T.employer]);
  });
});
