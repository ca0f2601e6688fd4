import { emails, regions, users } from "@bridgework/db";
import { and, asc, eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatchVia, insertOpportunity, insertRequest, post, T, TEST_NOW } from "./fixtures/match.fixtures.ts";
import { createHarness, type Harness, type ManualClock, manualClock, PUBLIC_URL } from "./harness.ts";

let h: Harness;
let clock: ManualClock;
beforeAll(async () => {
  clock = manualClock(TEST_NOW);
  h = await createHarness({ clock });
});
afterAll(() => h.close());

/** 18:00 UTC on a January day: 10:00 AM Pacific Standard Time. */
const JANUARY_AT = "2032-01-13T18:00:00Z";

const speaks = (email: string, language: "en" | "es") =>
  h.db.db.update(users).set({ language }).where(eq(users.email, email));
const regionZone = (timeZone: string) => h.db.db.update(regions).set({ timeZone });

async function mailAbout(matchId: string, event: string) {
  await h.jobs.drain();
  return h.db.db
    .select()
    .from(emails)
    .where(like(emails.dedupeKey, `match:${matchId}:${event}:%`))
    .orderBy(asc(emails.to));
}
const to = (rows: (typeof emails.$inferSelect)[], address: string) => rows.find((e) => e.to === address)!;

function parseIcs(email: typeof emails.$inferSelect) {
  const text = Buffer.from(email.attachments[0]!.content, "base64").toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { text, summary: event.summary, start: event.startDate.toJSDate().toISOString() };
}

async function scheduledMatch() {
  // The visit is in January 2032 (PST, not PDT), so the request asks for January.
  const m = await createMatchVia(
    h,
    T.coordinator,
    (await insertRequest(h, { windowStart: "2032-01-01", windowEnd: "2032-01-31" })).id,
    (await insertOpportunity(h)).id,
  );
  const res = await post(h, T.employer, `/api/matches/${m.id}/accept`, { scheduledAt: JANUARY_AT });
  expect(res.statusCode).toBe(200);
  return m;
}

describe("match emails in each recipient's language and the region's zone", () => {
  it("writes Spanish to the employer and the teacher who chose it, English to the coordinator who did not", async () => {
    await regionZone("America/Los_Angeles");
    await Promise.all([speaks(T.employer, "es"), speaks(T.teacher, "es"), speaks(T.coordinator, "en")]);
    const m = await scheduledMatch();

    const [ask] = await mailAbout(m.id, "approved");
    expect(ask).toMatchObject({ to: T.employer, subject: "Nueva solicitud de Valley High: Visita a la empresa" });
    expect(ask!.text).toContain("para 1 estudiante, entre el 1 de enero de 2032 y el 31 de enero de 2032");
    expect(ask!.text).toContain(`Abrir el emparejamiento en Bridgework: ${PUBLIC_URL}/matches/${m.id}`);
    expect(ask!.html).toContain('lang="es"');

    const accepted = await mailAbout(m.id, "accepted");
    expect(to(accepted, T.teacher).subject).toBe("Valley Medical Center aceptó: Visita a la empresa");
    expect(to(accepted, T.teacher).text).toContain("martes, 13 de enero de 2032, 10:00 a.m. PST");
    expect(to(accepted, T.coordinator).subject).toBe("Valley Medical Center accepted: Industry tour");
    expect(to(accepted, T.coordinator).text).toContain("Tuesday, January 13, 2032 at 10:00 AM PST");

    const invites = await mailAbout(m.id, "invite:0");
    expect(invites.map((e) => e.to).sort()).toEqual([T.employer, T.teacher].sort());
    for (const invite of invites) {
      expect(invite.subject).toBe("Programado: Visita a la empresa, martes, 13 de enero de 2032, 10:00 a.m. PST");
      expect(parseIcs(invite)).toMatchObject({
        summary: "Visita a la empresa: Test industry_tour at Valley Medical Center (Valley High)",
        start: "2032-01-13T18:00:00.000Z",
      });
    }

    await post(h, T.teacher, `/api/matches/${m.id}/cancel`, { reason: "Cambio de fecha" });
    const cancels = await mailAbout(m.id, "invite-cancel:1");
    expect(to(cancels, T.employer).subject).toBe(
      "Cancelado: Visita a la empresa, martes, 13 de enero de 2032, 10:00 a.m. PST",
    );
    expect(to(cancels, T.employer).text).toContain("Motivo: Cambio de fecha");
  });

  it("reads an 18:00 UTC January engagement in a Los Angeles region as 10:00 AM PST, and its .ics converts back to 18:00 UTC", async () => {
    await regionZone("America/Los_Angeles");
    await Promise.all([speaks(T.employer, "en"), speaks(T.teacher, "en")]);
    const m = await scheduledMatch();
    const invite = to(await mailAbout(m.id, "invite:0"), T.teacher);
    expect(invite.subject).toBe("Scheduled: Industry tour, Tuesday, January 13, 2032 at 10:00 AM PST");
    expect(invite.text).toContain("10:00 AM");
    expect(invite.text).toContain("PST");
    const ics = parseIcs(invite);
    expect(ics.text).toContain("DTSTART;TZID=America/Los_Angeles:20320113T100000");
    expect(ics.text).toContain("BEGIN:VTIMEZONE");
    expect(ics.start).toBe("2032-01-13T18:00:00.000Z");
  });

  it("follows the region's zone when it is not Los Angeles", async () => {
    await regionZone("America/New_York");
    await speaks(T.teacher, "en");
    const m = await scheduledMatch();
    const invite = to(await mailAbout(m.id, "invite:0"), T.teacher);
    expect(invite.text).toContain("Tuesday, January 13, 2032 at 1:00 PM EST");
    expect(parseIcs(invite)).toMatchObject({ start: "2032-01-13T18:00:00.000Z" });
    expect(parseIcs(invite).text).toContain("DTSTART;TZID=America/New_York:20320113T130000");
    await regionZone("America/Los_Angeles");
  });
});

describe("invitation emails in the invited person's language", () => {
  const inviteAs = async (email: string, language?: "en" | "es") => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: await h.as(T.intermediary),
      payload: {
        email,
        name: "Lucía <Reyes>",
        role: "employer",
        organizationId: await h.orgId("Pixel Orchard Software"),
        ...(language ? { language } : {}),
      },
    });
    expect(res.statusCode).toBe(201);
    await h.jobs.drain();
    return await h.db.db
      .select()
      .from(emails)
      .where(and(eq(emails.to, email), like(emails.dedupeKey, "invitation:%")))
      .orderBy(asc(emails.createdAt));
  };

  it("invites in Spanish when asked, with the expiry in the region's zone, and resends in Spanish", async () => {
    clock.set(new Date("2032-01-06T18:00:00Z"));
    const [mail] = await inviteAs("lucia.es@valley.example", "es");
    expect(mail!.subject).toBe("Le invitamos a Bridgework (Pixel Orchard Software)");
    expect(mail!.text).toContain("Hola, Lucía <Reyes>:");
    expect(mail!.text).toContain("vence el 13 de enero de 2032 a las 10:00 a.m. PST");
    expect(mail!.text).toMatch(new RegExp(`Crear su contraseña: ${PUBLIC_URL}/invite/[A-Za-z0-9_-]{20,}`));
    expect(mail!.html).toContain("Lucía &lt;Reyes&gt;");
    const [user] = await h.db.db.select().from(users).where(eq(users.email, "lucia.es@valley.example"));
    expect(user!.language).toBe("es");

    const res = await h.app.inject({
      method: "POST",
      url: `/api/users/${user!.id}/invitation`,
      headers: await h.as(T.intermediary),
    });
    expect(res.statusCode).toBe(200);
    await h.jobs.drain();
    const [resent] = await h.db.db
      .select()
      .from(emails)
      .where(eq(emails.to, "lucia.es@valley.example"))
      .orderBy(asc(emails.createdAt))
      .offset(1);
    expect(resent!.subject).toBe("Le invitamos a Bridgework (Pixel Orchard Software)");
    clock.set(TEST_NOW);
  });

  it("invites in English when no language is given", async () => {
    clock.set(new Date("2032-01-06T18:00:00Z"));
    const [mail] = await inviteAs("lucia.en@valley.example");
    expect(mail!.subject).toBe("You're invited to Bridgework (Pixel Orchard Software)");
    expect(mail!.text).toContain("expires on January 13, 2032 at 10:00 AM PST");
    clock.set(TEST_NOW);
  });
});
