import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { hoursToApproveMessage } from "./hours-to-approve.ts";

const link = "https://bw.example/hours/tok";
const facts = (language: Language, totalHours: number, entries: number) => ({
  recipient: { name: "Dr. Lena Ortiz", email: "lena@example.org", language },
  timeZone: "America/Los_Angeles",
  student: "Maya Q.",
  employer: "Valley Medical Center",
  title: "Nursing internship",
  totalHours,
  entries,
  oldest: "2031-06-30",
  link,
});

describe("the weekly hours reminder to a supervisor", () => {
  it.each([
    ["en", 6, 1, "Maya Q. has 6 hours in 1 entry (since June 30, 2031) waiting for your approval", "Review hours"],
    ["en", 1, 3, "Maya Q. has 1 hour in 3 entries", "Review hours"],
    [
      "es",
      6,
      1,
      "Maya Q. tiene 6 horas en 1 registro (desde el 30 de junio de 2031) que esperan su aprobación",
      "Revisar las horas",
    ],
    ["es", 1, 3, "Maya Q. tiene 1 hora en 3 registros", "Revisar las horas"],
  ] as const)(
    "(%s) counts %s hours in %s entries with the right plural forms and the one-time link",
    async (language, hours, entries, body, action) => {
      const m = await hoursToApproveMessage(facts(language, hours, entries));
      expect(m.text).toContain(body);
      expect(m.text).toContain(`${action}: ${link}`);
    },
  );

  it("has a subject in each language", async () => {
    expect((await hoursToApproveMessage(facts("en", 2, 1))).subject).toBe(
      "Weekly reminder: hours to approve for Maya Q. at Valley Medical Center",
    );
    expect((await hoursToApproveMessage(facts("es", 2, 1))).subject).toBe(
      "Recordatorio semanal: horas por aprobar de Maya Q. en Valley Medical Center",
    );
  });
});
