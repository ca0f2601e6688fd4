import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { isoDay } from "../schemas/dates.ts";
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
    windowStart: isoDay(),
    windowEnd: isoDay(),
    modality: z.enum(MODALITIES),
    notes: z.string().trim().max(2000).optional(),
  })
  .refine((r) => r.windowEnd >= r.windowStart, {
    message: "The window ends before it starts",
    path: ["windowEnd"],
    params: { problem: "window-ends-before-starts" },
  });
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

/** Cancelling a request: the reason is optional (the teacher may just not need it any more). */
export const CancelRequestInput = z.object({ reason: z.string().trim().max(1000).optional() });
export type CancelRequestInput = z.infer<typeof CancelRequestInput>;

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return format(instant, "yyyy-MM-dd", { in: tz(timeZone) });
}

/**
 * Whether an engagement at `instant` falls inside a request's window: the window's days are
 * read as the region's calendar days, so 11 pm on its last day in California is still inside.
 */
export function withinWindow(
  window: { windowStart: string; windowEnd: string },
  instant: Date,
  timeZone: string,
): boolean {
  const day = dayIn(instant, timeZone);
  return day >= window.windowStart && day <= window.windowEnd;
}

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
