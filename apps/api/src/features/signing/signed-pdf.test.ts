import { describe, expect, it } from "vitest";
import { pdfText } from "./pdf-text.ts";
import { renderSignedPdf, type SignedPdfInput } from "./signed-pdf.ts";

const signedAt = new Date("2026-12-06T14:34:00Z");

function input(over: Partial<SignedPdfInput>): SignedPdfInput {
  return {
    title: "Worksite agreement",
    text: "I agree to supervise the student.",
    language: "en",
    placementLine: "Maya L. · Valley Medical Center",
    timeZone: "America/Los_Angeles",
    signature: {
      typedName: "Rosa Quintero",
      signerRole: "Supervisor",
      signedAt,
      ip: "203.0.113.7",
      userAgent: "Test",
      sha256: "ab".repeat(32),
      template: "worksite_agreement v1 (en)",
    },
    ...over,
  };
}

/** pdf.js may split a line into runs; join them so a sentence reads as one. */
const textOf = async (over: Partial<SignedPdfInput>) =>
  (await pdfText(await renderSignedPdf(input(over)))).replace(/\n/g, " ");

describe("the signing time on a signed PDF", () => {
  it("reads in the region's zone with its abbreviation, in English", async () => {
    const text = await textOf({});
    expect(text).toContain("Signed on December 6, 2026 at 6:34 AM PST");
    expect(text).toContain("2026-12-06T14:34:00.000Z");
  });

  it("reads in Spanish for a Spanish document", async () => {
    expect(await textOf({ language: "es" })).toContain("Firmado el 6 de diciembre de 2026 a las 6:34 a.m. PST");
  });

  it("follows the region's zone: the same instant in New York is 9:34 AM EST", async () => {
    expect(await textOf({ timeZone: "America/New_York" })).toContain("Signed on December 6, 2026 at 9:34 AM EST");
  });

  it("shows daylight saving time in summer", async () => {
    const summer = input({}).signature;
    expect(await textOf({ signature: { ...summer, signedAt: new Date("2027-07-01T00:05:00Z") } })).toContain(
      "Signed on June 30, 2027 at 5:05 PM PDT",
    );
  });
});
