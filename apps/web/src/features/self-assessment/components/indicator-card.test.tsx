// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../../lib/i18n.ts";
import { renderWithProviders } from "../../../test/render.tsx";
import type { IndicatorAssessment } from "../api/get-self-assessment.ts";
import { IndicatorCard } from "./indicator-card.tsx";

/** C6.2 as the API answers it: the rubric in English, evidence keyed and valued by codes. */
const employerEngagement: IndicatorAssessment = {
  indicator: "C6.2",
  title: "Employer Engagement",
  stages: [1, 2, 3, 4].map((stage) => ({ stage, label: "Emerging", description: `English description ${stage}` })),
  stage: 3,
  notes: "",
  updatedAt: null,
  evidence: {
    employersEngaged: 12,
    employersByLevel: [{ level: "exposure", employers: 8 }],
    demandVsRecruitmentBySector: [
      { sector: "Health Science and Medical Technology", unmetRequests: 2, studentsWaiting: 30 },
    ],
  },
};

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("en");
});

describe("self-assessment indicator card", () => {
  it("shows a Spanish reader the C6 rubric, the evidence names, levels and sectors in Spanish", async () => {
    await i18n.changeLanguage("es");
    renderWithProviders(<IndicatorCard assessment={employerEngagement} schoolYear="2026-2027" canEdit={false} />);
    const card = screen.getByRole("region", { name: "C6.2 Participación de los empleadores" });
    expect(within(card).getByText("En avance", { selector: ".mantine-Badge-label" })).toBeTruthy();
    const advancing = within(card).getByRole("radio", { name: /^3 · En avance/ });
    expect((advancing as HTMLInputElement).checked).toBe(true);
    expect(within(card).getByText(/^Se usan procesos, protocolos y herramientas formalizados/)).toBeTruthy();
    expect(within(card).queryByText(/English description/)).toBeNull();

    expect(within(card).getByText("Empleadores participantes", { selector: "dt" })).toBeTruthy();
    const byLevel = within(card).getByRole("table", { name: "Empleadores por nivel" });
    expect(within(byLevel).getByRole("cell", { name: "Exploración de carreras" })).toBeTruthy();
    const bySector = within(card).getByRole("table", { name: "Demanda y reclutamiento por sector" });
    expect(within(bySector).getByRole("columnheader", { name: "Estudiantes en espera" })).toBeTruthy();
    expect(within(bySector).getByRole("cell", { name: "Ciencias de la salud y tecnología médica" })).toBeTruthy();
  });
});
