import { documents, emails, oneTimeLinks, organizations, users } from "@bridgework/db";
import { and, asc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paperworkEscalations } from "../../worker/src/sweeps/reminder-paperwork-escalation.ts";
import { paperworkReminders } from "../../worker/src/sweeps/reminder-paperwork.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  showLink,
  signLink,
  signTokens,
} from "../../api/test/fixtures/placement.fixtures.ts";
import { createHarness, type Harness, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";

// Placements start 2031-06-15 and are created on 2031-06-01: their paperwork is due 2031-06-14.
const T0 = new Date("2031-06-01T15:00:00Z");
const DAY = 24 * 3600_000;
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * 3600_000);

const clock = manualClock(T0);
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const remind = (now: Date) => paperworkReminders({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });
const escalate = (now: Date) => paperworkEscalations({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });

/** A placement whose four documents went out at T0 (the sign request time is what reminders count from). */
async function newPlacement() {
  clock.set(T0);
  const student = await insertStudent(h);
  const body = placementBody(student.id, await insertOpportunity(h));
  const res = await createPlacement(h, body);
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  // created_at comes from the database's clock; the rules count from the test's.
  await h.db.db.update(documents).set({ createdAt: T0 }).where(eq(documents.placementId, id));
  return { id, guardian: student.guardianEmail.toLowerCase(), supervisor: body.supervisor.email.toLowerCase() };
}

const docsOf = (placementId: string) =>
  h.db.db.select().from(documents).where(eq(documents.placementId, placementId)).orderBy(asc(documents.id));

/** Reminder or escalation emails about a placement's documents, by dedupe key. */
async function mailAbout(placementId: string, kind: "reminder" | "escalate") {
  const ids = (await docsOf(placementId)).map((d) => d.id);
  return h.db.db
    .select()
    .from(emails)
    .where(and(like(emails.dedupeKey, `doc:%:${kind}:%`), inArray(sql`split_part(${emails.dedupeKey}, ':', 2)`, ids)))
    .orderBy(asc(emails.dedupeKey));
}

const SIGN = /http:\/\/bridgework\.test\/sign\/([A-Za-z0-9_-]{40,})/g;
const tokensIn = (text: string) => [...text.matchAll(SIGN)].map((m) => m[1]!);

async function coordinatorsOfValleyUnified() {
  const [district] = await h.db.db.select().from(organizations).where(eq(organizations.name, "Valley Unified"));
  const rows = await h.db.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, district!.id), eq(users.role, "coordinator")));
  return rows.map((r) => r.email).sort();
}

describe("paperwork reminders", () => {
  it("reminds each signer once 3 days after the sign request, with a fresh link that works while the old one answers 410, however often it runs", async () => {
    const p = await newPlacement();
    const [oldGuardianLink] = await signTokens(h, p.guardian);
    await remind(at(3, -1));
    expect(await mailAbout(p.id, "reminder")).toEqual([]);

    await remind(at(3));
    await remind(at(3));
    await remind(at(3, 2));
    const mail = await mailAbout(p.id, "reminder");
    // One email per signer listing their due documents: the guardian signs three, the supervisor one.
    expect(mail.map((m) => m.to).sort()).toEqual([p.guardian, p.supervisor].sort());
    expect(mail.every((m) => /^doc:[0-9a-f-]{36}:reminder:1$/.test(m.dedupeKey))).toBe(true);
    const guardianMail = mail.find((m) => m.to === p.guardian)!;
    expect(guardianMail.subject).toBe("Reminder: paperwork to sign for Maya's placement with Valley Medical Center");
    expect(guardianMail.text).toContain("Please sign by June 14, 2031");
    // One fresh packet link for the guardian's three documents.
    const fresh = tokensIn(guardianMail.text);
    expect(fresh).toHaveLength(1);
    expect(guardianMail.html).toContain(`href="${PUBLIC_URL}/sign/${fresh[0]}"`);
    expect(guardianMail.text).toContain(
      "- Parent or guardian consent\n- Acknowledgement of risk and release\n- Emergency contact and medical authorization",
    );
    expect((await showLink(h, fresh[0]!)).json().packet).toMatchObject({ position: 1, total: 3 });
    expect((await showLink(h, oldGuardianLink!)).statusCode).toBe(410);
    const supervisorText = mail.find((m) => m.to === p.supervisor)!.text;
    expect(supervisorText).toMatch(/for Maya Q\.'s work-based learning placement/);

    const docs = await docsOf(p.id);
    expect(docs.map((d) => [d.remindersSent, d.lastRemindedAt?.toISOString()])).toEqual(
      docs.map(() => [1, at(3).toISOString()]),
    );
    await h.jobs.drain();
    expect((await mailAbout(p.id, "reminder")).every((m) => m.status === "sent")).toBe(true);
  });

  it("reminds again every 3 days after the last reminder until the due date, then stops", async () => {
    const p = await newPlacement();
    for (const day of [3, 4, 5, 6, 8, 9, 12, 13, 14, 15, 16, 20]) await remind(at(day));
    const guardianMail = (await mailAbout(p.id, "reminder")).filter((m) => m.to === p.guardian);
    // Days 3, 6, 9 and 12; day 13 (due date 06-14) is too soon after day 12, and from 06-15 it is overdue.
    expect(guardianMail.map((m) => Number(m.dedupeKey.split(":").pop()))).toEqual([1, 2, 3, 4]);
    expect((await docsOf(p.id)).map((d) => d.remindersSent)).toEqual([4, 4, 4, 4]);
  });

  it("never reminds a signed document, nor the paperwork of a withdrawn placement", async () => {
    const p = await newPlacement();
    const withdrawn = await newPlacement();
    const [supervisorLink] = await signTokens(h, p.supervisor);
    expect((await signLink(h, supervisorLink!, "Dr. Lena Ortiz")).statusCode).toBe(200);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/placements/${withdrawn.id}/withdraw`,
      headers: await h.as("coordinator@valley.example"),
      payload: { reason: "Family moved" },
    });
    expect(res.statusCode).toBe(200);
    await remind(at(3));
    expect((await mailAbout(p.id, "reminder")).map((m) => m.to)).toEqual([p.guardian]);
    expect(await mailAbout(withdrawn.id, "reminder")).toEqual([]);
  });

  it("reminds each signer once when two sweeps race, and leaves exactly one working packet link per signer", async () => {
    const placements = await Promise.all([newPlacement(), newPlacement(), newPlacement()]);
    await Promise.all([remind(at(3)), remind(at(3))]);
    for (const p of placements) {
      const mail = await mailAbout(p.id, "reminder");
      expect(mail.map((m) => m.to).sort()).toEqual([p.guardian, p.supervisor].sort());
      const emailed = mail.flatMap((m) => tokensIn(m.text));
      for (const doc of await docsOf(p.id)) expect(doc.remindersSent).toBe(1);
      const open = await h.db.db
        .select()
        .from(oneTimeLinks)
        .where(
          and(
            eq(oneTimeLinks.placementId, p.id),
            eq(oneTimeLinks.purpose, "sign"),
            isNull(oneTimeLinks.revokedAt),
            isNull(oneTimeLinks.usedAt),
          ),
        );
      expect(open.map((l) => l.signerRole).sort()).toEqual(["guardian", "supervisor"]);
      expect(emailed).toHaveLength(2);
      for (const token of emailed) expect((await showLink(h, token)).statusCode).toBe(200);
    }
  });

  it("reminds a Spanish-speaking family in Spanish, and the supervisor in the language chosen on the placement", async () => {
    clock.set(T0);
    const student = await insertStudent(h, { guardianLanguage: "es" });
    const body = placementBody(student.id, await insertOpportunity(h), { supervisorLanguage: "es" });
    const res = await createPlacement(h, body);
    expect(res.statusCode).toBe(201);
    await h.db.db.update(documents).set({ createdAt: T0 }).where(eq(documents.placementId, res.json().id));
    await remind(at(3));
    const mail = await mailAbout(res.json().id, "reminder");
    expect(mail).toHaveLength(2);
    for (const m of mail) {
      expect(m.subject).toMatch(/^Recordatorio: /);
      expect(m.text).toContain("Por favor firme antes del 14 de junio de 2031.");
      expect(m.html).toContain('lang="es"');
    }
  });
});

describe("paperwork escalation", () => {
  it("tells the district's coordinators once, after the due date has ended everywhere, what is still unsigned, and marks it escalated", async () => {
    const p = await newPlacement();
    const [supervisorLink] = await signTokens(h, p.supervisor);
    expect((await signLink(h, supervisorLink!, "Dr. Lena Ortiz")).statusCode).toBe(200);
    // Due 2031-06-14: still that day somewhere on Earth until 2031-06-15T12:00Z.
    await escalate(new Date("2031-06-15T11:00:00Z"));
    expect(await mailAbout(p.id, "escalate")).toEqual([]);

    const after = new Date("2031-06-15T13:00:00Z");
    await escalate(after);
    await escalate(after);
    await escalate(at(20));
    const mail = await mailAbout(p.id, "escalate");
    expect(mail.map((m) => m.to).sort()).toEqual(await coordinatorsOfValleyUnified());
    expect(mail[0]!.subject).toMatch(/^Paperwork overdue: Maya Quintero\S* at Valley Medical Center$/);
    expect(mail[0]!.text).toContain("was due on June 14, 2031 and is still not signed");
    expect(mail[0]!.text).toContain("Parent or guardian consent, to be signed by the parent or guardian");
    expect(mail[0]!.text).not.toContain("Worksite agreement");
    expect(mail[0]!.text).toContain(`${PUBLIC_URL}/placements/${p.id}`);
    const docs = await docsOf(p.id);
    expect(
      docs.filter((d) => d.status === "pending").every((d) => d.escalatedAt?.toISOString() === after.toISOString()),
    ).toBe(true);
    expect(docs.find((d) => d.status === "signed")!.escalatedAt).toBeNull();
    // Past the due date the signer is no longer reminded.
    await remind(at(20));
    expect(await mailAbout(p.id, "reminder")).toEqual([]);
  });

  it("escalates each placement once when two sweeps race", async () => {
    const placements = await Promise.all([newPlacement(), newPlacement(), newPlacement()]);
    await Promise.all([escalate(at(16)), escalate(at(16))]);
    const coordinators = await coordinatorsOfValleyUnified();
    for (const p of placements) {
      expect((await mailAbout(p.id, "escalate")).map((m) => m.to).sort()).toEqual(coordinators);
      expect((await docsOf(p.id)).every((d) => d.escalatedAt?.toISOString() === at(16).toISOString())).toBe(true);
    }
  });
});
