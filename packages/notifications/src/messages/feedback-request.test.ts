import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { type FeedbackRequestFacts, feedbackRequestMessage } from "./feedback-request.ts";

const link = "https://bw.example/matches/m1";
const facts = (language: Language, audience: "teacher" | "employer", completed: boolean): FeedbackRequestFacts => ({
  recipient: { name: "Tomás", email: "tomas@example.org", language },
  timeZone: "America/Los_Angeles",
  audience,
  kind: "industry_tour",
  title: "Behind the scenes",
  partner: audience === "teacher" ? "Valley Medical Center" : "Valley High",
  at: new Date("2031-03-12T16:00:00Z"),
  completed,
  link,
});

describe("How did it go?", () => {
  it.each([
    [
      "en",
      "How did it go? Industry tour with Valley Medical Center",
      "on Wednesday, March 12, 2031 at 9:00 AM PDT",
      "First mark it completed",
    ],
    [
      "es",
      "¿Cómo le fue? Visita a la empresa con Valley Medical Center",
      "el miércoles, 12 de marzo de 2031, 9:00 a.m. PDT",
      "Primero márquela como completada",
    ],
  ] as const)(
    "asks a teacher (%s), with the time in the region's zone, to mark it completed first",
    async (language, subject, when, first) => {
      const m = await feedbackRequestMessage(facts(language, "teacher", false));
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(when);
      expect(m.text).toContain(first);
      expect(m.text).toContain(link);
    },
  );

  it.each([
    ["en", "How did it go? Industry tour for Valley High", "host it again"],
    ["es", "¿Cómo le fue? Visita a la empresa para Valley High", "volvería a recibirla"],
  ] as const)(
    "asks an employer (%s) whether they would host it again, without the teacher's step once it is completed",
    async (language, subject, ask) => {
      const m = await feedbackRequestMessage(facts(language, "employer", true));
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(ask);
      expect(m.text).not.toMatch(/mark|marque/);
    },
  );
});
