import { z } from "zod";

/**
 * The contract of an event's students and built schedule (`/api/events/:id/students`,
 * `/api/events/:id/schedule`, docs/api.md "Events: students and schedule").
 */

const instant = z.iso.datetime({ offset: true });

export const EventStudentParams = z.object({ id: z.uuid(), eventStudentId: z.uuid() });

/** A student taking part, as the people running the event (and the student's teachers) see them. */
export const EventStudentRow = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  grade: z.number().int(),
  pathwayId: z.uuid().nullable(),
  pathwayName: z.string().nullable(),
  badgeCode: z.string(),
  checkedInAt: instant.nullable(),
  /** Interviews (or judgings) of the built schedule. */
  interviews: z.number().int(),
});
export type EventStudentRow = z.infer<typeof EventStudentRow>;

export const EventStudentList = z.object({ items: z.array(EventStudentRow) });
export type EventStudentList = z.infer<typeof EventStudentList>;

/**
 * Either a list of students or a school's students (optionally one grade, recorded with the
 * pathway they come with). A body with `studentIds` is a list, whatever else it holds.
 */
export const AddEventStudents = z.union([
  z.object({ studentIds: z.array(z.uuid()).min(1).max(2000) }),
  z.object({
    schoolId: z.uuid(),
    grade: z.number().int().min(6).max(12).optional(),
    pathwayId: z.uuid().optional(),
  }),
]);
export type AddEventStudents = z.infer<typeof AddEventStudents>;

export const AddedEventStudents = z.object({
  /** Newly added. */
  added: z.number().int(),
  /** Already taking part: left as they were. */
  skipped: z.number().int(),
});
export type AddedEventStudents = z.infer<typeof AddedEventStudents>;

export const SHORT_REASONS = ["no-slot-in-student-periods", "no-free-interviewer"] as const;

/** A student who got fewer interviews than asked, and why. */
export const ShortStudentView = z.object({
  eventStudentId: z.uuid(),
  studentName: z.string(),
  schoolName: z.string(),
  missing: z.number().int(),
  reason: z.enum(SHORT_REASONS),
});
export type ShortStudentView = z.infer<typeof ShortStudentView>;

export const ScheduleBuilt = z.object({
  interviews: z.number().int(),
  students: z.number().int(),
  /** Students with every interview asked. */
  fullyScheduled: z.number().int(),
  interviewsPerStudent: z.number().int(),
  /** Interviewers with a station (they have at least one interview). */
  interviewers: z.number().int(),
  short: z.array(ShortStudentView),
  scheduleBuiltAt: instant,
});
export type ScheduleBuilt = z.infer<typeof ScheduleBuilt>;

export const ReplaceVolunteers = z.object({
  volunteerIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each volunteer once" }),
});
export type ReplaceVolunteers = z.infer<typeof ReplaceVolunteers>;

export const VolunteersReplaced = z.object({
  /** Interviews the volunteers had that were given to another interviewer in the same slot. */
  moved: z.number().int(),
  /** Interviews the volunteers had that found nobody free (the student is now short). */
  lost: z.number().int(),
  short: z.array(ShortStudentView),
});
export type VolunteersReplaced = z.infer<typeof VolunteersReplaced>;

export const SCHEDULE_GROUPINGS = ["student", "volunteer", "station"] as const;
export type ScheduleGrouping = (typeof SCHEDULE_GROUPINGS)[number];

export const ScheduleQuery = z.object({ by: z.enum(SCHEDULE_GROUPINGS).default("student") });

export const ScheduleSlot = z.object({
  interviewId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  /** The volunteer's station, a plain number-like label ("1"): the reader's language says "Table 1". */
  station: z.string().nullable(),
  eventStudentId: z.uuid(),
  studentName: z.string(),
  schoolName: z.string(),
  volunteerId: z.uuid(),
  volunteerName: z.string(),
  employerName: z.string(),
});
export type ScheduleSlot = z.infer<typeof ScheduleSlot>;

export const ScheduleGroup = z.object({
  /** The student's, volunteer's or station's id/label. */
  key: z.string(),
  /** A student's or volunteer's name; a station's label. */
  title: z.string(),
  /** School (student), employer (volunteer), or null (station). */
  subtitle: z.string().nullable(),
  station: z.string().nullable(),
  slots: z.array(ScheduleSlot),
});
export type ScheduleGroup = z.infer<typeof ScheduleGroup>;

export const ScheduleView = z.object({
  by: z.enum(SCHEDULE_GROUPINGS),
  scheduleBuiltAt: instant.nullable(),
  interviewsPerStudent: z.number().int(),
  groups: z.array(ScheduleGroup),
});
export type ScheduleView = z.infer<typeof ScheduleView>;
