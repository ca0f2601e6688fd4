import { describe, expect, it } from "vitest";
import { standingOfferDraft } from "./standing-offers.ts";

const facts = {
  company: "Acme",
  sector: "Health Science and Medical Technology",
  modality: null,
  months: [4, 3],
  city: "Fresno",
  postalCode: "93721",
  language: "en",
} as const;

describe("standingOfferDraft", () => {
  it("turns a way to help into a draft of its kind, level and seats", () => {
    const d = standingOfferDraft("class_talk", facts);
    expect(d).toMatchObject({
      kind: "guest_speaker",
      level: "exposure",
      sector: "Health Science and Medical Technology",
      title: "Guest speaker — Acme",
      modality: "in_person",
      capacity: 30,
      city: "Fresno",
    });
    expect(d.description).toContain("Preferred months: March, April.");
    expect(d.description).toContain("About 1 hour");
    expect(standingOfferDraft("internships", facts)).toMatchObject({
      kind: "internship",
      level: "experience",
      capacity: 1,
    });
  });

  it("writes in the company's language and keeps its modality", () => {
    const d = standingOfferDraft("job_shadows", { ...facts, language: "es", modality: "virtual", months: [] });
    expect(d.title).toMatch(/— Acme$/);
    expect(d.description).toContain("Tiempo necesario");
    expect(d.description).not.toContain("Meses");
    expect(d.modality).toBe("virtual");
  });
});
