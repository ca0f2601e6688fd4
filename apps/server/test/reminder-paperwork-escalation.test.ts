import { documents, emails, organizations, regions, users } from "@bridgework/db";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paperworkEscalations } from "../../worker/src/sweeps/reminder-paperwork-escalation.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
} from "../../api/test/fixtures/placement.fixtures.ts";
import { createHarness, type Harness, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";

// Placements start 2031-06-15 and are created on 2031-06-01: their paperwork is due 2031-06-14.
const T0 = new Date("2031-06-01T15:00:00Z");
const AFTER_DUE = new Date("2031-06-16T15:00:00Z");

const clock = manualClock(T0);
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const escalate = (now: Date) => paperworkEscalations({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });

async function newPlacement(): Promise<string> {
  clock.set(T0);
  const res = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const escalationsTo = (to: string) =>
  h.db.db
    .select()
    .from(emails)
    .where(and(eq(emails.to, to), like(emails.dedupeKey, "doc:%:escalate:%")))
    .orderBy(asc(emails.dedupeKey));

describe("paperwork escalation in each coordinator's language", () => {
  it("tells a Spanish-speaking coordinator in Spanish and an English-speaking one in English, about the same placement", async () => {
    const [district] = await h.db.db.select().from(organizations).where(eq(organizations.name, "Valley Unified"));
    await h.db.db.update(users).set({ language: "es" }).where(eq(users.email, "coordinator@valley.example"));
    await h.db.db.insert(users).values({
      regionId: district!.regionId,
      organizationId: district!.id,
      email: "second.coordinator@valley.example",
      name: "Grace Lee",
      role: "coordinator",
      status: "active",
      language: "en",
    });
    const id = await newPlacement();
    await h.db.db.update(documents).set({ createdAt: T0 }).where(eq(documents.placementId, id));

    await escalate(AFTER_DUE);

    const [spanish] = await escalationsTo("coordinator@valley.example");
    expect(spanish!.subject).toMatch(/^Documentos vencidos: Maya Quintero\S* en Valley Medical Center$/);
    expect(spanish!.text).toContain("Hola, Carlos Mendoza:");
    expect(spanish!.text).toContain("vencían el 14 de junio de 2031 y todavía no están firmados");
    expect(spanish!.text).toContain(
      "- Consentimiento del padre, madre o tutor, que debe firmar el padre, la madre o el tutor (0 recordatorios enviados)",
    );
    expect(spanish!.text).toContain(
      "- Acuerdo del lugar de trabajo, que debe firmar el supervisor del lugar de trabajo (0 recordatorios enviados)",
    );
    expect(spanish!.text).toContain(`Abrir la práctica en Bridgework: ${PUBLIC_URL}/placements/${id}`);
    expect(spanish!.html).toContain('lang="es"');

    const [english] = await escalationsTo("second.coordinator@valley.example");
    expect(english!.subject).toMatch(/^Paperwork overdue: Maya Quintero\S* at Valley Medical Center$/);
    expect(english!.text).toContain("was due on June 14, 2031 and is still not signed");
    expect(english!.text).toContain("- Worksite agreement, to be signed by the worksite supervisor (0 reminders sent)");
    expect(english!.html).toContain('lang="en"');
  });

  it("writes the due day as the calendar day it is, whatever the region's zone", async () => {
    const [valley] = await h.db.db
      .select({ regionId: organizations.regionId })
      .from(organizations)
      .where(eq(organizations.name, "Valley Unified"));
    await h.db.db.update(regions).set({ timeZone: "Pacific/Kiritimati" }).where(eq(regions.id, valley!.regionId));
    const id = await newPlacement();
    await h.db.db.update(documents).set({ createdAt: T0 }).where(eq(documents.placementId, id));
    await escalate(AFTER_DUE);
    const mail = (await escalationsTo("second.coordinator@valley.example")).filter((m) =>
      m.text.includes(`/placements/${id}`),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("was due on June 14, 2031");
  });
});
