import { z } from "zod";
import { COMPANY_SIZES, WAYS_TO_HELP } from "../engagement/ways-to-help.ts";
import { MODALITIES, SECTORS } from "../enums.ts";
import { GUARDIAN_LANGUAGES } from "../placements/students.ts";

/** How long the emailed confirmation link of a "Get involved" submission works (then the row is pruned). */
export const INTEREST_CONFIRM_TTL_DAYS = 7;

/** Every list is a set: the same choice twice is refused rather than stored twice. */
const distinct = <T>(items: T[]) => new Set(items).size === items.length;

/** A company website, with or without its scheme ("acme.com", "https://acme.com/jobs"); "" = none. */
const WEBSITE = /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d{1,5})?([/?#]\S*)?$/iu;
/** Digits with the usual separators and an optional leading +. */
const PHONE = /^\+?[\d\s().-]{7,}$/;

const optionalText = (max: number) => z.string().trim().max(max).default("");

/**
 * The public "Get involved" form (`POST /api/public/regions/:slug/interest`), the same schema on
 * the page and in the API. Every string and list is bounded: the page is open to anyone.
 * `faxNumber` is the honeypot: hidden from people, so only a bot fills it in; a filled one is
 * answered like any submission but nothing is kept or sent.
 */
export const EmployerInterestInput = z.object({
  companyName: z.string().trim().min(2).max(200),
  website: z.union([z.literal(""), z.string().trim().max(200).regex(WEBSITE)]).default(""),
  companySize: z.enum(COMPANY_SIZES),
  street: optionalText(200),
  city: z.string().trim().min(1).max(120),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/),
  sectors: z.array(z.enum(SECTORS)).min(1).max(SECTORS.length).refine(distinct),
  contact: z.object({
    name: z.string().trim().min(2).max(120),
    email: z.email().max(254),
    phone: z.union([z.literal(""), z.string().trim().max(40).regex(PHONE)]).default(""),
    role: optionalText(120),
  }),
  /** The language the company wrote in: the confirmation email and, later, its contact's account. */
  language: z.enum(GUARDIAN_LANGUAGES),
  ways: z.array(z.enum(WAYS_TO_HELP)).min(1).max(WAYS_TO_HELP.length).refine(distinct),
  /** Preferred months, 1–12; none = any time. */
  months: z.array(z.number().int().min(1).max(12)).max(12).refine(distinct).default([]),
  /** Preferred modality; null = any. */
  modality: z.enum(MODALITIES).nullable().default(null),
  note: optionalText(2000),
  /** Honeypot: must stay empty (see above). */
  faxNumber: z.string().max(200).default(""),
});
export type EmployerInterestInput = z.infer<typeof EmployerInterestInput>;

/** The same answer for every accepted submission, honeypot included: nothing tells a bot it was caught. */
export const EmployerInterestAccepted = z.object({ status: z.literal("check-your-email") });
export type EmployerInterestAccepted = z.infer<typeof EmployerInterestAccepted>;

/** What the public page needs about a region (sectors and ways to help are the domain's constants). */
export const PublicRegion = z.object({ slug: z.string(), name: z.string() });
export type PublicRegion = z.infer<typeof PublicRegion>;

export const PublicRegionParams = z.object({ slug: z.string().trim().min(1).max(100) });

export const ConfirmInterestInput = z.object({ token: z.string().min(20).max(200) });
export type ConfirmInterestInput = z.infer<typeof ConfirmInterestInput>;

/** `confirmed` the first time; `already-confirmed` when the link is followed again (not an error). */
export const ConfirmInterestResult = z.object({
  result: z.enum(["confirmed", "already-confirmed"]),
  companyName: z.string(),
  region: PublicRegion,
});
export type ConfirmInterestResult = z.infer<typeof ConfirmInterestResult>;
