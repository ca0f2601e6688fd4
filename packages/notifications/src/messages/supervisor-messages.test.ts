import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { evaluationRequestMessage } from "./evaluation-request.ts";
import { hoursApprovalMessage } from "./hours-approval.ts";

const LA = "America/Los_Angeles";
const base = (language: Language) => ({
  recipient: { name: "Sam <Supervisor>", email: "sam@example.org", language },
  timeZone: LA,
  student: "Maria G.",
  title: "Lab & clinic",
  employer: "Valley Medical Center",
  expiresAt: new Date("2027-01-25T18:00:00Z"),
});

describe("hours approval request", () => {
  it.each([
    [
      "en",
      1,
      "Maria G. has 1 hours entry waiting for your approval for “Lab & clinic”.",
      "expires on January 25, 2027 at 10:00 AM PST",
      "Review hours",
    ],
    [
      "en",
      3,
      "Maria G. has 3 hours entries waiting for your approval for “Lab & clinic”.",
      "expires on January 25, 2027 at 10:00 AM PST",
      "Review hours",
    ],
    [
      "es",
      1,
      "Maria G. tiene 1 registro de horas pendiente de su aprobación para «Lab & clinic».",
      "vence el 25 de enero de 2027 a las 10:00 a.m. PST",
      "Revisar las horas",
    ],
    [
      "es",
      3,
      "Maria G. tiene 3 registros de horas pendientes de su aprobación para «Lab & clinic».",
      "vence el 25 de enero de 2027 a las 10:00 a.m. PST",
      "Revisar las horas",
    ],
  ] as const)(
    "asks the supervisor in %s to approve %i pending entries, the expiry in the region's zone",
    async (language, pending, line, expiry, action) => {
      const m = await hoursApprovalMessage({ ...base(language), pending, link: "https://bw.example/hours/tok" });
      expect(m.subject).toBe(
        language === "en"
          ? "Hours to approve: Maria G. at Valley Medical Center"
          : "Horas por aprobar: Maria G. en Valley Medical Center",
      );
      expect(m.text).toContain(line);
      expect(m.text).toContain(expiry);
      expect(m.text).toContain(`${action}: https://bw.example/hours/tok`);
      expect(m.html).toContain('href="https://bw.example/hours/tok"');
      expect(m.html).toContain("Sam &lt;Supervisor&gt;");
      expect(m.html).toContain(`lang="${language}"`);
    },
  );
});

describe("evaluation request", () => {
  it.each([
    [
      "en",
      "How did Maria G. do? Evaluation for Lab & clinic",
      "(March 1, 2027 to May 28, 2027)",
      "Evaluate the student",
    ],
    [
      "es",
      "¿Cómo le fue a Maria G.? Evaluación de Lab & clinic",
      "(del 1 de marzo de 2027 al 28 de mayo de 2027)",
      "Evaluar al estudiante",
    ],
  ] as const)(
    "asks the supervisor in %s to evaluate, with the placement's days as calendar days",
    async (language, subject, days, action) => {
      const m = await evaluationRequestMessage({
        ...base(language),
        startDate: "2027-03-01",
        endDate: "2027-05-28",
        link: "https://bw.example/evaluate/tok",
      });
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(days);
      expect(m.text).toContain(`${action}: https://bw.example/evaluate/tok`);
      expect(m.text).toContain("Lab & clinic");
      expect(m.html).toContain("Lab &amp; clinic");
    },
  );
});
