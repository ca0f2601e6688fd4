import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { matchEscalationMessage } from "./match-escalation.ts";
import { matchNudgeMessage } from "./match-nudge.ts";

const LA = "America/Los_Angeles";
const recipient = (language: Language) => ({ name: "Ana <Díaz>", email: "ana@example.org", language });
const link = "https://bw.example/matches/m1";

describe("the nudge to an employer who has not answered", () => {
  it.each([
    [
      "en",
      "Reminder: Valley High is waiting for your answer",
      'Valley High asked for "Careers & care" 3 days ago',
      "Open the match in Bridgework",
    ],
    [
      "es",
      "Recordatorio: Valley High espera su respuesta",
      'Valley High pidió "Careers & care" hace 3 días',
      "Abrir el emparejamiento en Bridgework",
    ],
  ] as const)("speaks %s, counts the days and links the match", async (language, subject, waiting, open) => {
    const m = await matchNudgeMessage({
      recipient: recipient(language),
      timeZone: LA,
      school: "Valley High",
      title: "Careers & care",
      daysWaiting: 3,
      link,
    });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(waiting);
    expect(m.text).toContain(`${open}: ${link}`);
    expect(m.html).toContain(`href="${link}"`);
    expect(m.html).toContain("Ana &lt;Díaz&gt;");
    expect(m.html).toContain("Careers &amp; care");
    expect(m.html).toContain(`lang="${language}"`);
  });

  it("says one day, not one days", async () => {
    const en = await matchNudgeMessage({
      recipient: recipient("en"),
      timeZone: LA,
      school: "Valley High",
      title: "Tour",
      daysWaiting: 1,
      link,
    });
    const es = await matchNudgeMessage({
      recipient: recipient("es"),
      timeZone: LA,
      school: "Valley High",
      title: "Tour",
      daysWaiting: 1,
      link,
    });
    expect(en.text).toContain("1 day ago");
    expect(es.text).toContain("hace 1 día ");
  });
});

describe("the escalation to coordinators when the employer stays silent", () => {
  it.each([
    [
      "en",
      "No answer from Valley Medical Center after 8 days",
      'Valley Medical Center has not answered the ask for "Tour" (Valley High) in 8 days.',
    ],
    [
      "es",
      "Sin respuesta de Valley Medical Center después de 8 días",
      'Valley Medical Center no ha respondido a la solicitud de "Tour" (Valley High) en 8 días.',
    ],
  ] as const)("speaks %s with the employer, the school and the days", async (language, subject, silent) => {
    const m = await matchEscalationMessage({
      recipient: recipient(language),
      timeZone: LA,
      employer: "Valley Medical Center",
      school: "Valley High",
      title: "Tour",
      daysWaiting: 8,
      link,
    });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(silent);
    expect(m.text).toContain(link);
  });
});
