import { z } from "zod";
import { RubricView } from "./events.ts";

// `EventStudentParams` (an event student of an event) is event-schedule.ts's.

/**
 * The contract of the day of an event (docs/api.md "Events: day of the event"): check-in by
 * badge code or from the list, no-shows, the live board, and each volunteer's own link to their
 * schedule and the scoring rubric.
 */

const instant = z.iso.datetime({ offset: true });

/** `POST /api/events/:id/check-in`: what a hand scanner typed or a person keyed in. */
export const CheckInCode = z.object({ code: z.string().trim().min(1).max(64) });
export type CheckInCode = z.infer<typeof CheckInCode>;

export const EventVolunteerParams = z.object({ id: z.uuid(), volunteerId: z.uuid() });

/** Who a badge (or a list row) belongs to, and where they go next. */
export const CheckInResult = z.object({
  kind: z.enum(["volunteer", "student"]),
  id: z.uuid(),
  name: z.string(),
  /** The volunteer's role, or the student's school. */
  detail: z.string(),
  station: z.string().nullable(),
  nextInterview: z.object({ startsAt: instant, withName: z.string(), station: z.string().nullable() }).nullable(),
  checkedInAt: instant.nullable(),
  /** Scanned a second time: not an error, the time of the first scan is in `checkedInAt`. */
  alreadyCheckedIn: z.boolean(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

/** `POST /api/events/:id/no-shows`: confirmed volunteers who will not come. */
export const NoShowInput = z.object({
  volunteerIds: z
    .array(z.uuid())
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length),
});
export type NoShowInput = z.infer<typeof NoShowInput>;

export const NoShowResult = z.object({
  cancelled: z.number().int(),
  /** Interviews the gone volunteers had, now given to others where capacity allowed. */
  moved: z.number().int(),
  /** Students left with fewer interviews than the event's number, by name. */
  short: z.array(z.object({ eventStudentId: z.uuid(), name: z.string(), missing: z.number().int() })),
});
export type NoShowResult = z.infer<typeof NoShowResult>;

export const BoardQuery = z.object({ at: instant.optional() });

const BoardInterview = z.object({
  interviewId: z.uuid(),
  studentName: z.string(),
  startsAt: instant,
  endsAt: instant,
  studentCheckedIn: z.boolean(),
  scored: z.boolean(),
});

export const EventBoard = z.object({
  at: instant,
  counts: z.object({
    volunteersCheckedIn: z.number().int(),
    volunteersExpected: z.number().int(),
    studentsCheckedIn: z.number().int(),
    studentsExpected: z.number().int(),
    /** Interviews with a complete rubric saved. */
    interviewsDone: z.number().int(),
    interviewsTotal: z.number().int(),
  }),
  /** One card per scheduled volunteer (by station): now and next. */
  stations: z.array(
    z.object({
      volunteerId: z.uuid(),
      name: z.string(),
      employerName: z.string(),
      station: z.string().nullable(),
      checkedInAt: instant.nullable(),
      current: BoardInterview.nullable(),
      next: BoardInterview.nullable(),
    }),
  ),
  /** Students not checked in whose first coming interview starts within the next 30 minutes. */
  soon: z.array(z.object({ eventStudentId: z.uuid(), name: z.string(), schoolName: z.string(), startsAt: instant })),
  /** For check-in from the list: every confirmed volunteer… */
  volunteers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      employerName: z.string(),
      roleName: z.string(),
      station: z.string().nullable(),
      badgeCode: z.string(),
      checkedInAt: instant.nullable(),
    }),
  ),
  /** …and every student of the event. */
  students: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      schoolName: z.string(),
      badgeCode: z.string(),
      checkedInAt: instant.nullable(),
    }),
  ),
});
export type EventBoard = z.infer<typeof EventBoard>;

export const VolunteerTokenParams = z.object({ token: z.string().min(20).max(200) });
export const VolunteerInterviewParams = VolunteerTokenParams.extend({ interviewId: z.uuid() });

/**
 * A rubric save. Partial scores are allowed (the interviewer saves as they tap); `complete` in
 * the answer says whether every criterion has one. Keys and ranges are checked against the
 * event's rubric (400 per field).
 */
export const ScoreInput = z.object({
  scores: z.record(z.string().max(40), z.number().int()),
  comment: z.string().max(2000).default(""),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export const SavedScore = z.object({
  interviewId: z.uuid(),
  scores: z.record(z.string(), z.number().int()),
  comment: z.string(),
  complete: z.boolean(),
  savedAt: instant,
});
export type SavedScore = z.infer<typeof SavedScore>;

/** What the volunteer's own link shows: least data about students (first name, last initial, school). */
export const VolunteerSchedule = z.object({
  event: z.object({
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    startsAt: instant,
    endsAt: instant,
    location: z.string().nullable(),
    timeZone: z.string(),
  }),
  volunteer: z.object({ name: z.string(), employerName: z.string(), station: z.string().nullable() }),
  role: z.object({ name: z.string(), bring: z.string(), startsAt: instant, endsAt: instant }),
  rubric: RubricView.nullable(),
  /** Scores may be saved (the event is open, closed or held). */
  canScore: z.boolean(),
  interviews: z.array(
    z.object({
      id: z.uuid(),
      startsAt: instant,
      endsAt: instant,
      studentName: z.string(),
      schoolName: z.string(),
      score: SavedScore.nullable(),
    }),
  ),
});
export type VolunteerSchedule = z.infer<typeof VolunteerSchedule>;
