import { z } from "zod";
import { MODALITIES, SECTORS } from "../enums.ts";
import { DUPLICATE_SIGNALS } from "./duplicates.ts";
import { COMPANY_SIZES, INTEREST_STATUSES, WAYS_TO_HELP } from "./ways-to-help.ts";

/** A look-alike of a submission: an employer of the region or an earlier submission. */
export const InterestMatch = z.object({
  kind: z.enum(["organization", "submission"]),
  id: z.uuid(),
  name: z.string(),
  /** 0–1, the duplicate rule's score (packages/domain engagement/duplicates.ts). */
  score: z.number(),
  likely: z.boolean(),
  signals: z.array(z.enum(DUPLICATE_SIGNALS)),
  /** A submission's status; null for an organization. */
  status: z.enum(INTEREST_STATUSES).nullable(),
});
export type InterestMatch = z.infer<typeof InterestMatch>;

/** A confirmed "Get involved" submission as the intermediary's queue shows it. */
export const InterestSubmission = z.object({
  id: z.uuid(),
  status: z.enum(INTEREST_STATUSES),
  companyName: z.string(),
  website: z.string().nullable(),
  companySize: z.enum(COMPANY_SIZES).nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  sectors: z.array(z.string()),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  contactRole: z.string().nullable(),
  language: z.enum(["en", "es"]),
  ways: z.array(z.enum(WAYS_TO_HELP)),
  months: z.array(z.number().int()),
  modality: z.enum(MODALITIES).nullable(),
  note: z.string(),
  confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  organizationId: z.uuid().nullable(),
  declineReason: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Likely and possible duplicates, best first. */
  matches: z.array(InterestMatch),
});
export type InterestSubmission = z.infer<typeof InterestSubmission>;

export const InterestListQuery = z.object({
  status: z.enum(["waiting", "approved", "merged", "declined"]).default("waiting"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type InterestListQuery = z.infer<typeof InterestListQuery>;

export const InterestCount = z.object({ waiting: z.number().int() });
export type InterestCount = z.infer<typeof InterestCount>;

/** Approve as a new employer; everything optional (defaults: the submission's name and sectors, cap 4). */
export const ApproveInterest = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  sectors: z.array(z.enum(SECTORS)).min(1).max(15).optional(),
  askCapPerMonth: z.number().int().min(0).max(100).nullable().optional(),
});
export type ApproveInterest = z.infer<typeof ApproveInterest>;

export const MergeInterest = z.object({ organizationId: z.uuid() });
export type MergeInterest = z.infer<typeof MergeInterest>;

export const DeclineInterest = z.object({ reason: z.string().trim().min(1).max(1000) });
export type DeclineInterest = z.infer<typeof DeclineInterest>;

/** What a decision did: the submission, the employer it became or joined, the standing offers made. */
export const InterestDecision = z.object({
  submission: InterestSubmission,
  organizationId: z.uuid().nullable(),
  standingOfferIds: z.array(z.uuid()),
  /** Whether the contact was invited (false when the address already had an account in that employer). */
  invited: z.boolean(),
});
export type InterestDecision = z.infer<typeof InterestDecision>;
