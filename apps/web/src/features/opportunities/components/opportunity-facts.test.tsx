// @vitest-environment jsdom
import type { Opportunity } from "@bridgework/domain";
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../../lib/i18n.ts";
import { renderWithProviders } from "../../../test/render.tsx";
import { OpportunityFacts } from "./opportunity-facts.tsx";

const internship: Opportunity = {
  id: "00000000-0000-4000-8000-000000000001",
  employerId: "00000000-0000-4000-8000-000000000002",
  employerName: "Central Valley Growers",
  kind: "internship",
  level: "experience",
  sector: "Agriculture and Natural Resources",
  title: "Summer field internship",
  description: "Six weeks in the orchards.",
  modality: "in_person",
  location: { city: "Fresno", postalCode: "93721" },
  capacity: 4,
  seatsTaken: 1,
  seatsLeft: 3,
  startsAt: null,
  endsAt: null,
  minAge: 16,
  requirements: [],
  paid: true,
  hoursTotal: 120,
  status: "published",
  createdAt: "2026-09-01T16:00:00.000Z",
  updatedAt: "2026-09-01T16:00:00.000Z",
};

/** The value shown next to a term of the description list. */
const fact = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("en");
});

describe("opportunity facts", () => {
  it("names the kind, continuum level, sector and format in English", () => {
    renderWithProviders(<OpportunityFacts opportunity={internship} />);
    expect(fact("Kind of experience")).toBe("Internship");
    expect(fact("Level")).toBe("Career experience");
    expect(fact("Industry sector")).toBe("Agriculture and Natural Resources");
    expect(fact("Format")).toBe("In person");
  });

  it("names them in Spanish once the interface switches to Spanish", async () => {
    renderWithProviders(<OpportunityFacts opportunity={internship} />);
    await act(() => i18n.changeLanguage("es"));
    expect(fact("Tipo de experiencia")).toBe("Pasantía");
    expect(fact("Nivel")).toBe("Experiencia laboral");
    expect(fact("Sector industrial")).toBe("Agricultura y recursos naturales");
    expect(fact("Formato")).toBe("Presencial");
  });
});
