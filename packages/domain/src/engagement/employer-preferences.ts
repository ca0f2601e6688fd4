import { z } from "zod";
import { SchoolYearPattern } from "../reporting/school-year.ts";

/** An employer's own engagement preferences: how often it may be asked, when not, and whom to ask first. */
export const EmployerPreferences = z.object({
  organizationId: z.uuid(),
  /** The cap in force (new asks a month); null = no cap. */
  askCapPerMonth: z.number().int().nullable(),
  /** The intermediary's cap: the employer may lower its own, never raise it above this (null = no cap). */
  regionAskCapPerMonth: z.number().int().nullable(),
  /** Months (1–12) the employer asked not to be asked in. */
  blackoutMonths: z.array(z.number().int().min(1).max(12)),
  preferredContactId: z.uuid().nullable(),
  /** The employer's own users, to choose the preferred contact from. */
  contacts: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })),
});
export type EmployerPreferences = z.infer<typeof EmployerPreferences>;

export const UpdateEmployerPreferences = z
  .object({
    askCapPerMonth: z.number().int().min(0).max(100).nullable(),
    blackoutMonths: z
      .array(z.number().int().min(1).max(12))
      .max(12)
      .transform((months) => [...new Set(months)].sort((a, b) => a - b)),
    /** One of the organization's own employer users; null = every employer user. */
    preferredContactId: z.uuid().nullable(),
  })
  .partial();
export type UpdateEmployerPreferences = z.infer<typeof UpdateEmployerPreferences>;

/** A school year as the API names it: "2025-2026". */
export const SchoolYearParam = z
  .string()
  .regex(SchoolYearPattern, "Enter a school year like 2025-2026.")
  .refine((value) => Number(value.slice(5)) === Number(value.slice(0, 4)) + 1, "Enter a school year like 2025-2026.");

export const ThankYouLetterQuery = z.object({ schoolYear: SchoolYearParam });
export type ThankYouLetterQuery = z.infer<typeof ThankYouLetterQuery>;

export const SendThankYouLetter = z.object({ schoolYear: SchoolYearParam });
export type SendThankYouLetter = z.infer<typeof SendThankYouLetter>;

export const ThankYouLetterSent = z.object({
  schoolYear: z.string(),
  /** Who it went to (the preferred contact, else every active employer user). */
  recipients: z.array(z.object({ name: z.string(), email: z.string() })),
  /** How many new emails were queued (0 when this year's letter was already sent to them). */
  sent: z.number().int(),
});
export type ThankYouLetterSent = z.infer<typeof ThankYouLetterSent>;
