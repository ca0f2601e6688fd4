import { z } from "zod";
import { isoInstant } from "../schemas/dates.ts";
import { MODALITIES } from "../enums.ts";
import type { Machine } from "./state-machine.ts";
import { Opportunity } from "./opportunity.ts";
import { WblRequest } from "./request.ts";

export const MATCH_STATUSES = [
  "proposed",
  "approved",
  "accepted",
  "scheduled",
  "completed",
  "declined",
  "cancelled",
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type MatchAction = "approve" | "accept" | "schedule" | "complete" | "decline" | "cancel";

/** Open states: the match is still alive. Seats are held from accepted on. */
export const OPEN_MATCH_STATUSES = [
  "proposed",
  "approved",
  "accepted",
  "scheduled",
] as const satisfies readonly MatchStatus[];
export const SEAT_HOLDING_MATCH_STATUSES = [
  "accepted",
  "scheduled",
  "completed",
] as const satisfies readonly MatchStatus[];

export const MATCH_MACHINE: Machine<MatchStatus, MatchAction> = {
  approve: { from: ["proposed"], to: "approved" },
  accept: { from: ["approved"], to: "accepted" },
  /** Setting or changing the time; rescheduling keeps the state. */
  schedule: { from: ["accepted", "scheduled"], to: "scheduled" },
  complete: { from: ["accepted", "scheduled"], to: "completed" },
  decline: { from: OPEN_MATCH_STATUSES, to: "declined" },
  cancel: { from: OPEN_MATCH_STATUSES, to: "cancelled" },
};

export function holdsSeats(status: MatchStatus): boolean {
  return (SEAT_HOLDING_MATCH_STATUSES as readonly MatchStatus[]).includes(status);
}

export const CreateMatch = z.object({
  requestId: z.uuid(),
  opportunityId: z.uuid(),
  seats: z.number().int().min(1).max(1000),
  note: z.string().trim().max(2000).optional(),
});
export type CreateMatch = z.infer<typeof CreateMatch>;

export const AcceptMatch = z.object({ scheduledAt: isoInstant().optional() });
export type AcceptMatch = z.infer<typeof AcceptMatch>;
export const ScheduleMatch = z.object({ scheduledAt: isoInstant() });
export type ScheduleMatch = z.infer<typeof ScheduleMatch>;
export const ReasonInput = z.object({ reason: z.string().trim().min(1, "Say why").max(1000) });
export type ReasonInput = z.infer<typeof ReasonInput>;
export const CompleteMatch = z.object({ attendedStudents: z.number().int().min(0).max(1000) });
export type CompleteMatch = z.infer<typeof CompleteMatch>;
export const MatchFeedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  hostAgain: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});
export type MatchFeedbackInput = z.infer<typeof MatchFeedbackInput>;

export const MatchEvent = z.object({
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  fromStatus: z.enum(MATCH_STATUSES).nullable(),
  toStatus: z.enum(MATCH_STATUSES),
  actor: z.object({ id: z.uuid(), name: z.string(), role: z.string() }).nullable(),
  onBehalf: z.boolean(),
  note: z.string().nullable(),
});
export type MatchEvent = z.infer<typeof MatchEvent>;

export const Match = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  opportunityId: z.uuid(),
  employerId: z.uuid(),
  seats: z.number().int(),
  status: z.enum(MATCH_STATUSES),
  note: z.string().nullable(),
  duplicateAsk: z.boolean(),
  askCapReached: z.boolean(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable(),
  attendedStudents: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Match = z.infer<typeof Match>;

/** One person's answer to "how did it go?" on a completed match. */
export const MatchFeedback = z.object({
  id: z.uuid(),
  matchId: z.uuid(),
  role: z.enum(["teacher", "employer"]),
  author: z.object({ id: z.uuid(), name: z.string() }),
  rating: z.number().int(),
  hostAgain: z.boolean(),
  comment: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MatchFeedback = z.infer<typeof MatchFeedback>;

export const MatchDetail = Match.extend({
  request: WblRequest,
  opportunity: Opportunity,
  history: z.array(MatchEvent),
  /** The answers the viewer may read (see `visibleFeedback`): the other side's only once the viewer gave theirs. */
  feedback: z.array(MatchFeedback),
  /** Answers given but not shown to the viewer yet, so the page can say someone answered. */
  feedbackHidden: z.number().int(),
});
export type MatchDetail = z.infer<typeof MatchDetail>;

export const MatchListQuery = z.object({
  status: z.enum(MATCH_STATUSES).optional(),
  requestId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
  duplicateAsk: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type MatchListQuery = z.infer<typeof MatchListQuery>;

/** What the teacher asked for, as an employer deciding on an ask needs to read it. */
export const AskedFor = z.object({
  windowStart: z.iso.date(),
  windowEnd: z.iso.date(),
  students: z.number().int(),
  gradeLevels: z.array(z.number().int()),
  modality: z.enum(MODALITIES),
  notes: z.string().nullable(),
});
export type AskedFor = z.infer<typeof AskedFor>;

/** A list row carries what an approval queue (and an employer's ask card) needs to read at a glance. */
export const MatchSummary = Match.extend({
  kind: z.string(),
  opportunityTitle: z.string(),
  employerName: z.string(),
  schoolName: z.string(),
  requestedByName: z.string(),
  request: AskedFor,
});
export type MatchSummary = z.infer<typeof MatchSummary>;

/**
 * Who reads which answers to "how did it go?": coordinators and intermediaries read them all;
 * a teacher or an employer reads their own at once and everyone else's only after giving their
 * own, so neither side's rating is swayed by the other's (answers are given once, never edited).
 */
export function visibleFeedback<F extends { author: { id: string } }>(
  viewer: { userId: string; role: string },
  all: readonly F[],
): { shown: F[]; hidden: number } {
  if (viewer.role === "coordinator" || viewer.role === "intermediary") return { shown: [...all], hidden: 0 };
  const answered = all.some((f) => f.author.id === viewer.userId);
  const shown = answered ? [...all] : all.filter((f) => f.author.id === viewer.userId);
  return { shown, hidden: all.length - shown.length };
}

/** One ask made for a request, as the request's list row shows it to the school side. */
export const RequestAsk = z.object({
  matchId: z.uuid(),
  status: z.enum(MATCH_STATUSES),
  employerName: z.string(),
  opportunityTitle: z.string(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type RequestAsk = z.infer<typeof RequestAsk>;

/** A request in a list, with its asks (newest first) so a teacher sees where each stands and when. */
export const RequestListItem = WblRequest.extend({ asks: z.array(RequestAsk) });
export type RequestListItem = z.infer<typeof RequestListItem>;
