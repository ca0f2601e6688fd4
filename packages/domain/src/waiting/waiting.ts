import { z } from "zod";
import { isoDay } from "../schemas/dates.ts";
import { addDays } from "../calendar.ts";

/** What waits on a person, by kind; each kind links to the page where it is done. */
export const WAITING_KINDS = ["approval", "ask", "unsignedPastDue", "hoursToApprove", "certificateExpiring"] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];

export const WaitingItem = z.object({
  kind: z.enum(WAITING_KINDS),
  id: z.uuid(),
  title: z.string(),
  /** Who or where it concerns (employer, school, student's first name and initial). */
  detail: z.string().nullable(),
  /** A due or expiry day (YYYY-MM-DD), or the instant it was asked (ISO), for ordering and display. */
  date: z.string().nullable(),
});
export type WaitingItem = z.infer<typeof WaitingItem>;

export const Waiting = z.object({
  approvals: z.number().int(),
  asks: z.number().int(),
  unsignedPastDue: z.number().int(),
  hoursToApprove: z.number().int(),
  certificatesExpiring: z.number().int(),
  /** The oldest few of each kind (at most 5 per kind). */
  items: z.array(WaitingItem),
});
export type Waiting = z.infer<typeof Waiting>;

/** Days ahead a certificate of insurance counts as expiring (the reminder's horizon too). */
export const CERTIFICATE_EXPIRING_DAYS = 30;

export const CALENDAR_ENTRY_KINDS = [
  "engagement",
  "placementStart",
  "requestWindowEnds",
  "paperworkDue",
  "certificateExpires",
] as const;
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

export const CalendarEntry = z.object({
  /** Unique within a calendar: the kind and the record's id. */
  uid: z.string(),
  kind: z.enum(CALENDAR_ENTRY_KINDS),
  /** The record the entry links to (match, placement, request, document's placement, employer). */
  id: z.uuid(),
  title: z.string(),
  detail: z.string().nullable(),
  /** An instant (ISO, UTC) for a scheduled engagement; a calendar day (YYYY-MM-DD) for all-day entries. */
  start: z.string(),
  allDay: z.boolean(),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;

/** The longest range one calendar answer covers (a month view with its edge weeks fits). */
export const CALENDAR_MAX_DAYS = 93;

export const CalendarQuery = z
  .object({ from: isoDay(), to: isoDay() })
  .refine((q) => q.to >= q.from, {
    message: "The range ends before it starts",
    path: ["to"],
    params: { problem: "range-ends-before-starts" },
  })
  .refine((q) => q.to <= addDays(q.from, CALENDAR_MAX_DAYS - 1), {
    message: `Ask for at most ${CALENDAR_MAX_DAYS} days at a time`,
    path: ["to"],
    params: { problem: "calendar-range-too-long" },
  });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const Calendar = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string(),
  entries: z.array(CalendarEntry),
});
export type Calendar = z.infer<typeof Calendar>;

export const CalendarFeed = z.object({
  /** The full subscription URL; only given when the link is created or reset (the token is stored hashed). */
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;
