import { z } from "zod";
import { addDays } from "../calendar.ts";
import { isoDay } from "../schemas/dates.ts";
import { CertificateFileInput } from "./insurance.ts";
import type { Machine } from "../brokering/state-machine.ts";
import { GUARDIAN_LANGUAGES, StudentForEmployer } from "./students.ts";

export const PLACEMENT_STATUSES = ["pending_paperwork", "ready", "active", "completed", "withdrawn"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export type PlacementAction = "ready" | "activate" | "complete" | "withdraw";

/** A placement cannot start until its paperwork is complete: pending_paperwork → ready → active → completed. */
export const PLACEMENT_MACHINE: Machine<PlacementStatus, PlacementAction> = {
  ready: { from: ["pending_paperwork"], to: "ready" },
  activate: { from: ["ready"], to: "active" },
  complete: { from: ["active"], to: "completed" },
  withdraw: { from: ["pending_paperwork", "ready", "active"], to: "withdrawn" },
};

export const DOCUMENT_KINDS = [
  "guardian_consent",
  "liability_waiver",
  "worksite_agreement",
  "emergency_contact",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const SIGNER_ROLES = ["guardian", "student", "supervisor"] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
export const DOCUMENT_STATUSES = ["pending", "signed", "void"] as const;

export interface RequiredDocument {
  kind: DocumentKind;
  signer: SignerRole;
}

/**
 * The paperwork a placement needs: guardian consent for minors; the liability waiver signed by
 * the guardian, or by the student at 18+; the guardian's emergency contact; the worksite
 * agreement signed by the employer's supervisor.
 */
export function requiredDocuments(ageAtStart: number): RequiredDocument[] {
  const adult = ageAtStart >= 18;
  return [
    ...(adult ? [] : [{ kind: "guardian_consent" as const, signer: "guardian" as const }]),
    { kind: "liability_waiver", signer: adult ? "student" : "guardian" },
    { kind: "emergency_contact", signer: adult ? "student" : "guardian" },
    { kind: "worksite_agreement", signer: "supervisor" },
  ];
}

export const CreatePlacement = z
  .object({
    studentId: z.uuid(),
    opportunityId: z.uuid(),
    startDate: isoDay(),
    endDate: isoDay(),
    supervisor: z.object({ name: z.string().trim().min(1).max(120), email: z.email().max(254) }),
    /** The language the worksite supervisor reads their agreement and emails in. */
    supervisorLanguage: z.enum(GUARDIAN_LANGUAGES).default("en"),
    /** Where a student signs for themself (18+), the link goes here. */
    studentEmail: z.email().max(254).optional(),
  })
  .refine((p) => p.endDate >= p.startDate, {
    message: "Ends before it starts",
    path: ["endDate"],
    params: { problem: "ends-before-starts" },
  });
export type CreatePlacement = z.infer<typeof CreatePlacement>;

export const PlacementDocument = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  signer: z.object({ role: z.enum(SIGNER_ROLES), name: z.string(), email: z.string() }),
  language: z.enum(GUARDIAN_LANGUAGES),
  templateVersion: z.number().int(),
  signedAt: z.iso.datetime({ offset: true }).nullable(),
  dueOn: z.iso.date(),
});
export type PlacementDocument = z.infer<typeof PlacementDocument>;

export const InsuranceStatus = z.object({
  status: z.enum(["valid", "expiring", "expired", "missing"]),
  expiresOn: z.iso.date().nullable(),
  override: z
    .object({ kind: z.enum(["rider", "waiver"]), note: z.string(), recordedAt: z.iso.datetime({ offset: true }) })
    .nullable(),
});
export type InsuranceStatus = z.infer<typeof InsuranceStatus>;

export const Placement = z.object({
  id: z.uuid(),
  status: z.enum(PLACEMENT_STATUSES),
  student: StudentForEmployer,
  opportunityId: z.uuid(),
  opportunityTitle: z.string(),
  employerId: z.uuid(),
  employerName: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  supervisor: z.object({ name: z.string(), email: z.string(), language: z.enum(GUARDIAN_LANGUAGES) }),
  documents: z.array(PlacementDocument),
  insurance: InsuranceStatus,
  hoursApproved: z.number(),
  hoursPending: z.number(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Placement = z.infer<typeof Placement>;

export const InsuranceInput = z.object({
  carrier: z.string().trim().min(1).max(200),
  policyNumber: z.string().trim().min(1).max(100),
  coverageAmount: z.number().positive().max(1e10),
  expiresOn: isoDay(),
  /** The certificate itself (PDF, PNG or JPEG, ≤ 5 MB), base64 in the JSON body; optional for a certificate recorded from paper. */
  file: CertificateFileInput.optional(),
});
export type InsuranceInput = z.infer<typeof InsuranceInput>;

export const InsuranceOverrideInput = z.object({
  kind: z.enum(["rider", "waiver"]),
  note: z.string().trim().min(3).max(1000),
});
export type InsuranceOverrideInput = z.infer<typeof InsuranceOverrideInput>;

export const HoursInput = z.object({
  date: isoDay(),
  hours: z.number().gt(0).max(24),
  note: z.string().trim().max(500).optional(),
});
export type HoursInput = z.infer<typeof HoursInput>;

export const SignInput = z.object({
  typedName: z.string().trim().min(1, "Type your full name").max(200),
  agree: z.literal(true, "You must agree to sign"),
});
export type SignInput = z.infer<typeof SignInput>;

/** CALPADS needs whether the employer evaluated the student. */
export const EvaluationInput = z.object({
  given: z.boolean(),
  rating: z.number().int().min(1).max(5).optional(),
  comments: z.string().trim().max(2000).optional(),
  hostAgain: z.boolean(),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;

/** Insurance is "expiring" within 30 days of `today`. */
export function insuranceState(expiresOn: string | null, today: string): "valid" | "expiring" | "expired" | "missing" {
  if (!expiresOn) return "missing";
  if (expiresOn < today) return "expired";
  return expiresOn <= addDays(today, 30) ? "expiring" : "valid";
}
