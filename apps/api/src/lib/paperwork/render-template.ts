import type { GuardianLanguage } from "@bridgework/domain";

/** The placeholders a template may use; anything else in {{braces}} is refused when a version is published. */
export const TEMPLATE_PLACEHOLDERS = [
  "studentName",
  "employerName",
  "opportunityTitle",
  "startDate",
  "endDate",
  "supervisorName",
  "districtName",
  "schoolName",
] as const;
export type TemplateVars = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1]!)
    .filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
}

/** Fills {{placeholders}}; the result is the exact text a signer sees and signs. */
export function renderTemplate(text: string, vars: TemplateVars): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in vars ? vars[name as keyof TemplateVars] : whole));
}

/** "March 10, 2027" / "10 de marzo de 2027": a YYYY-MM-DD date read as a calendar day, never shifted by a timezone. */
export function formatDate(date: string, language: GuardianLanguage): string {
  return new Intl.DateTimeFormat(language === "es" ? "es-US" : "en-US", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
