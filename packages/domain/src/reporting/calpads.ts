import type { Kind } from "../enums.ts";

/**
 * CALPADS Work-Based Learning Type codes (WBLR). 30 "Other" is retired from 2024–25.
 * Codes 35–65 come from programs outside Bridgework (Job Corps, WIOA, YouthBuild, CCC,
 * transition services) and are listed for completeness.
 */
export const WBL_TYPE_CODES = {
  "10": "Internship",
  "15": "Student-led Enterprise",
  "20": "Simulative Work-Based Learning",
  "25": "Registered Pre-Apprenticeship",
  "35": "Job Corps",
  "40": "Workforce Innovation and Opportunity Act (WIOA)",
  "45": "YouthBuild",
  "50": "California Conservation Corps",
  "60": "Transition Work-Based Experience",
  "65": "Transition Classroom-Based Work Exploration",
} as const;
export type WblTypeCode = keyof typeof WBL_TYPE_CODES;

/**
 * How opportunity kinds map to WBLR codes. Exposure and most engagement activities (speakers,
 * tours, shadows, interviews, mentoring) are not WBLR records; apprenticeships are reported
 * through the apprenticeship system, not WBLR.
 */
export const KIND_TO_WBL_CODE: Partial<Record<Kind, WblTypeCode>> = {
  internship: "10",
  paid_work_experience: "10",
  student_enterprise: "15",
  simulated_work: "20",
  industry_project: "20",
  pre_apprenticeship: "25",
};

/** Codes whose records carry "Work-Based Learning Hours – External". */
export const CODES_WITH_EXTERNAL_HOURS: readonly WblTypeCode[] = ["10", "15", "20"];

/** Internship Employer Performance Evaluation Code: given, or not provided by the employer. */
export function evaluationCode(given: boolean | null): "Y" | "N" {
  return given ? "Y" : "N";
}

/** Internship ID: ≤ 36 characters, unique per school and year; a placement UUID is exactly 36. */
export function internshipId(placementId: string): string {
  return placementId.slice(0, 36);
}
