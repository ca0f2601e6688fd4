import { z } from "zod";
import { isoDay, isoInstant } from "../schemas/dates.ts";
import { KINDS, LEVELS, MODALITIES, SECTORS } from "../enums.ts";
import { Address } from "../schemas/common.ts";
import type { Machine } from "./state-machine.ts";

export const OPPORTUNITY_STATUSES = ["draft", "published", "paused", "closed", "archived"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export type OpportunityAction = "publish" | "pause" | "close" | "archive";

/** draft → published ⇄ paused → closed → archived. */
export const OPPORTUNITY_MACHINE: Machine<OpportunityStatus, OpportunityAction> = {
  publish: { from: ["draft", "paused"], to: "published" },
  pause: { from: ["published"], to: "paused" },
  close: { from: ["draft", "published", "paused"], to: "closed" },
  archive: { from: ["closed"], to: "archived" },
};

const OpportunityFields = z.object({
  kind: z.enum(KINDS),
  sector: z.enum(SECTORS),
  title: z.string().trim().min(3, "Give the opportunity a title").max(200),
  description: z.string().trim().max(5000),
  modality: z.enum(MODALITIES),
  location: Address.nullable().optional(),
  capacity: z.number().int().min(1, "At least one seat").max(1000),
  startsAt: isoInstant().nullable().optional(),
  endsAt: isoInstant().nullable().optional(),
  minAge: z.number().int().min(10).max(25).nullable().optional(),
  requirements: z.array(z.string().trim().min(1).max(200)).max(20),
  paid: z.boolean(),
  hoursTotal: z.number().min(0).max(2000).nullable().optional(),
});

const endsAfterStart = (o: { startsAt?: string | null; endsAt?: string | null }) =>
  !o.startsAt || !o.endsAt || Date.parse(o.endsAt) >= Date.parse(o.startsAt);
const endsAfterStartIssue = {
  message: "Ends before it starts",
  path: ["endsAt"],
  params: { problem: "ends-before-starts" },
};

/** Employers post for their own organization; an intermediary names the employer (`employerId`). */
export const CreateOpportunity = OpportunityFields.extend({
  description: OpportunityFields.shape.description.default(""),
  requirements: OpportunityFields.shape.requirements.default([]),
  paid: OpportunityFields.shape.paid.default(false),
  employerId: z.uuid().optional(),
}).refine(endsAfterStart, endsAfterStartIssue);
export type CreateOpportunity = z.infer<typeof CreateOpportunity>;

/** A PATCH changes only the fields sent: no defaults here, or absent fields would be wiped. */
export const UpdateOpportunity = OpportunityFields.partial().refine(endsAfterStart, endsAfterStartIssue);
export type UpdateOpportunity = z.infer<typeof UpdateOpportunity>;

export const Opportunity = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  kind: z.enum(KINDS),
  level: z.enum(LEVELS),
  sector: z.enum(SECTORS),
  title: z.string(),
  description: z.string(),
  modality: z.enum(MODALITIES),
  location: Address.nullable(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  seatsLeft: z.number().int(),
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  minAge: z.number().int().nullable(),
  requirements: z.array(z.string()),
  paid: z.boolean(),
  hoursTotal: z.number().nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** A standing offer: the "Get involved" submission whose chosen way to help it was drafted from. */
  standingOfferOf: z.uuid().nullable().optional(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityListQuery = z.object({
  kind: z.enum(KINDS).optional(),
  level: z.enum(LEVELS).optional(),
  sector: z.enum(SECTORS).optional(),
  modality: z.enum(MODALITIES).optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  employerId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  /**
   * Only what a placement can go into now: a placement kind (PLACEMENT_KINDS), published, a seat
   * left, not over.
   */
  forPlacement: z.stringbool().optional(),
  /** Only what this student may join (the opportunity's minimum age, at `on` or today). */
  studentId: z.uuid().optional(),
  on: isoDay().optional(),
  /**
   * `employer`: by employer name then title, and `q` matches any part of the title or the
   * employer's name (type-ahead choosers); default: best full-text match, else newest.
   */
  sort: z.enum(["newest", "employer"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;
