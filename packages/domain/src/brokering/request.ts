import { z } from "zod";
import { KINDS, LEVELS, MODALITIES, SECTORS } from "../enums.ts";
import type { Machine } from "./state-machine.ts";

export const REQUEST_STATUSES = ["open", "matched", "fulfilled", "cancelled", "expired"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestAction = "match" | "reopen" | "fulfil" | "cancel" | "expire";

/**
 * open → matched (an employer accepted) → fulfilled (the engagement completed);
 * matched → open again when its only live match is declined or cancelled.
 */
export const REQUEST_MACHINE: Machine<RequestStatus, RequestAction> = {
  match: { from: ["open", "matched"], to: "matched" },
  reopen: { from: ["matched"], to: "open" },
  fulfil: { from: ["matched"], to: "fulfilled" },
  cancel: { from: ["open", "matched"], to: "cancelled" },
  expire: { from: ["open"], to: "expired" },
};

export const GRADE_LEVELS = [6, 7, 8, 9, 10, 11, 12] as const;

export const CreateRequest = z
  .object({
    kind: z.enum(KINDS),
    sector: z.enum(SECTORS),
    pathwayId: z.uuid().nullable().optional(),
    /** Required for coordinators and intermediaries; a teacher's own school otherwise. */
    schoolId: z.uuid().optional(),
    students: z.number().int().min(1, "At least one student").max(500),
    gradeLevels: z.array(z.number().int().min(6).max(12)).min(1, "Pick at least one grade").max(7),
    windowStart: z.iso.date(),
    windowEnd: z.iso.date(),
    modality: z.enum(MODALITIES),
    notes: z.string().trim().max(2000).optional(),
  })
  .refine((r) => r.windowEnd >= r.windowStart, { message: "The window ends before it starts", path: ["windowEnd"], params: { problem: "window-ends-before-starts" } });
export type CreateRequest = z.infer<typeof CreateRequest>;

export const WblRequest = z.object({
  id: z.uuid(),
  kind: z.enum(KINDS),
  level: z.enum(LEVELS),
  sector: z.enum(SECTORS),
  pathwayId: z.uuid().nullable(),
  pathwayName: z.string().nullable(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  requestedBy: z.object({ id: z.uuid(), name: z.string() }),
  students: z.number().int(),
  gradeLevels: z.array(z.number().int()),
  windowStart: z.iso.date(),
  windowEnd: z.iso.date(),
  modality: z.enum(MODALITIES),
  notes: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type WblRequest = z.infer<typeof WblRequest>;

export const RequestListQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  kind: z.enum(KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  schoolId: z.uuid().optional(),
  mine: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;
