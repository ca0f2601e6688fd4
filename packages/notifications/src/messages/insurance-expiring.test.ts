import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { insuranceExpiringMessage } from "./insurance-expiring.ts";

const certificate = (language: Language) => ({
  recipient: { name: "Olivia", email: "olivia@example.org", language },
  timeZone: "America/Los_Angeles",
  employer: "Smith & Sons",
  carrier: "Golden State Mutual",
  policyNumber: "GL-7",
  expiresOn: "2031-06-10",
});
const insuranceLink = "https://bw.example/insurance";

describe("a certificate of insurance expiring soon", () => {
  it.each([
    [
      "en",
      "Your certificate of insurance expires on June 10, 2031",
      "(Golden State Mutual, policy GL-7) expires on June 10, 2031.",
      "File it on your insurance page",
    ],
    [
      "es",
      "Su certificado de seguro vence el 10 de junio de 2031",
      "(Golden State Mutual, póliza GL-7) vence el 10 de junio de 2031.",
      "Registrarlo en su página de seguros",
    ],
  ] as const)(
    "asks the employer's contacts (%s) to file the renewal on their insurance page",
    async (language, subject, body, action) => {
      const m = await insuranceExpiringMessage({ ...certificate(language), audience: "employer", insuranceLink });
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(body);
      expect(m.text).toContain(`${action}: ${insuranceLink}`);
    },
  );

  it.each([
    ["en", "Smith & Sons's certificate of insurance expires on June 10, 2031", "Record it on the insurance page"],
    [
      "es",
      "El certificado de seguro de Smith & Sons vence el 10 de junio de 2031",
      "Registrarlo en la página de seguros",
    ],
  ] as const)(
    "sends the intermediaries (%s) to the insurance page, escaping the employer's name",
    async (language, subject, action) => {
      const m = await insuranceExpiringMessage({ ...certificate(language), audience: "intermediary", insuranceLink });
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(`${action}: ${insuranceLink}`);
      expect(m.html).toContain("Smith &amp; Sons");
      expect(m.html).not.toContain("Smith & Sons");
    },
  );
});
