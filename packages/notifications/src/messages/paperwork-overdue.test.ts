import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { type PaperworkOverdueFacts, paperworkOverdueMessage } from "./paperwork-overdue.ts";

const link = "https://bw.example/placements/p1";
const facts = (language: Language): PaperworkOverdueFacts => ({
  recipient: { name: "Carmen", email: "carmen@example.org", language },
  timeZone: "America/Los_Angeles",
  student: "Maya Quintero",
  title: "Nursing internship",
  employer: "Valley Medical Center",
  school: "Valley High",
  dueOn: "2031-06-14",
  documents: [
    { kind: "guardian_consent", signerRole: "guardian", remindersSent: 1 },
    { kind: "worksite_agreement", signerRole: "supervisor", remindersSent: 4 },
    { kind: "emergency_contact", signerRole: "student", remindersSent: 0 },
  ],
  link,
});

describe("the escalation of overdue paperwork", () => {
  it("lists each unsigned document with its signer and how many reminders went out, in English", async () => {
    const m = await paperworkOverdueMessage(facts("en"));
    expect(m.subject).toBe("Paperwork overdue: Maya Quintero at Valley Medical Center");
    expect(m.text).toContain("was due on June 14, 2031 and is still not signed:");
    expect(m.text).toContain("- Parent or guardian consent, to be signed by the parent or guardian (1 reminder sent)");
    expect(m.text).toContain("- Worksite agreement, to be signed by the worksite supervisor (4 reminders sent)");
    expect(m.text).toContain(
      "- Emergency contact and medical authorization, to be signed by the student (0 reminders sent)",
    );
    expect(m.text).toContain(`Open the placement in Bridgework: ${link}`);
    expect(m.html).toContain("<li>Worksite agreement, to be signed by the worksite supervisor (4 reminders sent)</li>");
  });

  it("lists them in Spanish with the Spanish titles and signers", async () => {
    const m = await paperworkOverdueMessage(facts("es"));
    expect(m.subject).toBe("Documentos vencidos: Maya Quintero en Valley Medical Center");
    expect(m.text).toContain("vencían el 14 de junio de 2031");
    expect(m.text).toContain(
      "- Consentimiento del padre, madre o tutor, que debe firmar el padre, la madre o el tutor (1 recordatorio enviado)",
    );
    expect(m.text).toContain(
      "- Acuerdo del lugar de trabajo, que debe firmar el supervisor del lugar de trabajo (4 recordatorios enviados)",
    );
    expect(m.text).toContain(`Abrir la práctica en Bridgework: ${link}`);
    expect(m.html).toContain('lang="es"');
  });
});
