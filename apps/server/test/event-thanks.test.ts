import { emails } from "@bridgework/db";
import { asc, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventThanks } from "../../worker/src/sweeps/event-thanks.ts";
import { contactsOf, holdEvent, insertEvent } from "../../api/test/fixtures/event-fixtures.ts";
import { Fixtures } from "../../api/test/fixtures/report-fixtures.ts";
import { createHarness, type Harness, manualClock } from "../../api/test/harness.ts";

const clock = manualClock(new Date("2026-10-14T23:00:00Z"));
let h: Harness;
let f: Fixtures;
beforeAll(async () => {
  h = await createHarness({ clock });
  f = new Fixtures(h);
});
afterAll(() => h.close());

const sweep = (now = new Date()) => eventThanks({ db: h.db.db, now });
const thanksOf = (eventId: string) =>
  h.db.db
    .select()
    .from(emails)
    .where(like(emails.dedupeKey, `event:${eventId}:thanks:%`))
    .orderBy(asc(emails.to));

describe("thank-you emails after an event is held", () => {
  it("thanks each employer's contacts once with the hours its checked-in volunteers gave, and a volunteer without an account for their own", async () => {
    const student = await f.student("Valley High");
    const eventId = await insertEvent(f, {
      kind: "mock_interviews",
      title: "Fall mock interviews",
      day: "2026-10-14",
      district: "Valley Unified",
      students: [{ id: student, school: "Valley High", checkedIn: true }],
      volunteers: [
        { employer: "Valley Medical Center", from: "15:00", to: "18:30", checkedIn: true },
        { employer: "Valley Medical Center", from: "15:00", to: "17:00", checkedIn: true },
        // Confirmed but never came: neither counted nor thanked.
        { employer: "Valley Medical Center", from: "15:00", to: "17:00" },
        {
          employer: null,
          from: "15:00",
          to: "16:15",
          checkedIn: true,
          email: "ana@tallerlopez.example",
          language: "es",
        },
      ],
    });
    expect(await sweep()).toBe(0);

    await holdEvent(f, eventId);
    const contacts = await contactsOf(f, "Valley Medical Center");
    expect(contacts.length).toBeGreaterThan(0);
    expect(await sweep()).toBe(contacts.length + 1);
    expect(await sweep()).toBe(0);

    const sent = await thanksOf(eventId);
    expect(sent.map((e) => e.to).sort()).toEqual([...contacts.map((c) => c.email), "ana@tallerlopez.example"].sort());
    const vmc = sent.find((e) => e.to === contacts[0]!.email)!;
    expect(vmc.subject).toBe("Thank you for volunteering at Fall mock interviews");
    expect(vmc.text).toContain("2 volunteers from Valley Medical Center gave 5.5 hours");
    expect(vmc.text).toContain("October 14, 2026");
    const ana = sent.find((e) => e.to === "ana@tallerlopez.example")!;
    expect(ana.subject).toBe("Gracias por su voluntariado en Fall mock interviews");
    expect(ana.text).toContain("dedicar 1.25 horas");
  });

  it("thanks confirmed volunteers when nobody was checked in, and never an event held long ago", async () => {
    const eventId = await insertEvent(f, {
      kind: "career_fair",
      title: "Career fair",
      day: "2026-10-14",
      students: [],
      volunteers: [{ employer: null, from: "15:00", to: "17:00", email: "booth@example.com" }],
    });
    await holdEvent(f, eventId);
    expect(await sweep(new Date(Date.now() + 31 * 86_400_000))).toBe(0);
    expect(await sweep()).toBe(1);
    const [mail] = await thanksOf(eventId);
    expect(mail?.text).toContain("Thank you for giving 2 hours to the students at Career fair");
  });
});
