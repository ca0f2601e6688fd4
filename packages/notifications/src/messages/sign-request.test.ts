import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { type SignRequestFacts, signRequestMessage } from "./sign-request.ts";

const facts = (language: Language, over: Partial<SignRequestFacts> = {}): SignRequestFacts => ({
  recipient: { name: "Rosa <Quintero>", email: "rosa@family.example", language },
  timeZone: "America/Los_Angeles",
  variant: "request",
  signerRole: "guardian",
  student: { firstName: "Maya", lastName: "Quintero" },
  district: "Valley Unified",
  opportunityTitle: "Summer clinical lab internship",
  employer: "Valley Medical Center",
  startDate: "2031-06-15",
  endDate: "2031-07-31",
  documents: ["guardian_consent", "liability_waiver", "emergency_contact"],
  dueOn: "2031-06-14",
  link: "https://bw.example/sign/packet-token",
  // 02:00 UTC on June 15 is still June 14 in Los Angeles.
  expiresAt: new Date("2031-06-15T02:00:00Z"),
  ...over,
});

describe("sign request", () => {
  it("asks an English-speaking guardian to sign three documents through one link, with the expiry in the region's zone", async () => {
    const m = await signRequestMessage(facts("en"));
    expect(m.subject).toBe("Paperwork to sign: Maya's placement with Valley Medical Center");
    expect(m.text).toContain("Hello Rosa <Quintero>,");
    expect(m.html).toContain("Rosa &lt;Quintero&gt;");
    expect(m.text).toContain(
      "Please sign by June 14, 2031. Please read and sign these 3 documents, one after the other:",
    );
    expect(m.text).toContain(
      "- Parent or guardian consent\n- Acknowledgement of risk and release\n- Emergency contact and medical authorization",
    );
    expect(m.text).toContain("Read and sign the 3 documents: https://bw.example/sign/packet-token");
    expect(m.text).toContain("expires on June 14, 2031 at 7:00 PM PDT");
    expect(m.text.match(/https:\/\/bw\.example\/sign\//g)).toHaveLength(1);
    expect(m.html).toContain('lang="en"');
    expect(m.html).toContain('href="https://bw.example/sign/packet-token"');
  });

  it("asks a Spanish-speaking guardian in Spanish, with Spanish titles and dates", async () => {
    const m = await signRequestMessage(facts("es"));
    expect(m.subject).toBe("Documentos para firmar: práctica de Maya con Valley Medical Center");
    expect(m.text).toContain("Hola, Rosa <Quintero>:");
    expect(m.text).toContain("del 15 de junio de 2031 al 31 de julio de 2031");
    expect(m.text).toContain(
      "Por favor firme antes del 14 de junio de 2031. Por favor lea y firme estos 3 documentos, uno tras otro:",
    );
    expect(m.text).toContain(
      "- Consentimiento del padre, madre o tutor\n- Reconocimiento de riesgos y exención de responsabilidad",
    );
    expect(m.text).toContain("Leer y firmar los 3 documentos: https://bw.example/sign/packet-token");
    expect(m.text).toContain("vence el 14 de junio de 2031 a las 7:00 p.m. PDT");
    expect(m.html).toContain('lang="es"');
  });

  it.each([
    ["en", "Please read and sign this document:", "Read and sign the document"],
    ["es", "Por favor lea y firme este documento:", "Leer y firmar el documento"],
  ] as const)(
    "uses the singular for one document (%s) and names the student by first name and initial to a supervisor",
    async (language, ask, action) => {
      const m = await signRequestMessage(
        facts(language, {
          signerRole: "supervisor",
          documents: ["worksite_agreement"],
          recipient: { name: "Lena Ortiz", email: "l@vmc.example", language },
        }),
      );
      expect(m.text).toContain(ask);
      expect(m.text).toContain(`${action}: https://bw.example/sign/packet-token`);
      expect(m.text).toContain("Maya Q.");
      expect(m.text).not.toContain("Quintero");
      expect(m.subject).toContain("Maya Q.");
    },
  );

  it.each([
    [
      "en",
      "Reminder: paperwork to sign for Maya's placement with Valley Medical Center",
      "still waiting for your signature",
      "the earlier link no longer works",
    ],
    [
      "es",
      "Recordatorio: documentos para firmar de la práctica de Maya con Valley Medical Center",
      "todavía espera su firma",
      "el enlace anterior ya no funciona",
    ],
  ] as const)("reminds in %s, saying the earlier link no longer works", async (language, subject, waiting, fresh) => {
    const m = await signRequestMessage(facts(language, { variant: "reminder", documents: ["liability_waiver"] }));
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(waiting);
    expect(m.text).toContain(fresh);
  });
});
