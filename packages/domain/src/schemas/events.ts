import { z } from "zod";
import { SECTORS } from "../enums.ts";
import { EVENT_ACTIONS, EVENT_KINDS, EVENT_STATUSES, VOLUNTEER_STATUSES } from "../events/events.ts";
import { GUARDIAN_LANGUAGES } from "../placements/students.ts";
import { isoInstant } from "./dates.ts";

/**
 * The contract of multi-employer events (`/api/events`, docs/api.md "Events"): the event with its
 * schools, pathways, volunteer roles (one row per role and shift) and rubric.
 */

const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);
const endsAfterStart = (o: { startsAt: string; endsAt: string }) => Date.parse(o.endsAt) > Date.parse(o.startsAt);
const distinct = <T>(items: T[]) => new Set(items).size === items.length;

export const RubricCriterionInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: text(80).min(1),
  description: text(300).default(""),
});

export const RubricInput = z
  .object({
    min: z.number().int().min(0).max(10).default(1),
    max: z.number().int().min(1).max(10).default(4),
    criteria: z.array(RubricCriterionInput).min(1).max(12),
  })
  .refine((r) => r.max > r.min, { path: ["max"], message: "The highest score must be above the lowest" })
  .refine((r) => distinct(r.criteria.map((c) => c.key)), { path: ["criteria"], message: "Each criterion once" });
export type RubricInput = z.infer<typeof RubricInput>;

export const EventBreak = z
  .object({ startsAt: isoInstant(), endsAt: isoInstant() })
  .refine(endsAfterStart, { path: ["endsAt"], message: "A break ends after it starts" });

/** A volunteer role in one shift ("Interviewer, 8:00–11:30, 60 needed"). */
export const EventRoleInput = z
  .object({
    name: text(120).min(2),
    description: text(1000).default(""),
    bring: text(500).default(""),
    startsAt: isoInstant(),
    endsAt: isoInstant(),
    needed: z.number().int().min(1).max(10000),
    breaks: z.array(EventBreak).max(10).default([]),
    /** Takes part in the built schedule (interviewers, judges). */
    scheduled: z.boolean().default(false),
  })
  .refine(endsAfterStart, { path: ["endsAt"], message: "A shift ends after it starts" });
export type EventRoleInput = z.infer<typeof EventRoleInput>;

export const EventSchoolInput = z.object({
  schoolId: z.uuid(),
  /** When the school's students arrive and leave; null = the whole event. */
  arrivesAt: isoInstant().nullable().default(null),
  leavesAt: isoInstant().nullable().default(null),
});

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: text(200).min(3),
  description: text(5000).default(""),
  startsAt: isoInstant(),
  endsAt: isoInstant(),
  location: text(300).nullable().default(null),
  virtualUrl: z.url().max(500).nullable().default(null),
  // Each school once: a school has one arrival window.
  schools: z
    .array(EventSchoolInput)
    .max(200)
    .refine((list) => distinct(list.map((s) => s.schoolId)), { message: "Each school once" })
    .default([]),
  pathwayIds: z.array(z.uuid()).max(200).refine(distinct).default([]),
  interviewsPerStudent: z.number().int().min(1).max(10).default(3),
  slotMinutes: z.number().int().min(5).max(240).default(20),
  /** null = the kind's default rubric for interview-style events, none for the others. */
  rubric: RubricInput.nullable().default(null),
};

/** `POST /api/events`: a coordinator's event is their district's; the intermediary's is the region's. */
export const EventInput = z
  .object({ ...eventFields, roles: z.array(EventRoleInput).max(100).default([]) })
  .refine(endsAfterStart, { path: ["endsAt"], message: "The event ends after it starts" });
export type EventInput = z.infer<typeof EventInput>;

/** `PATCH /api/events/:id`: any of the fields (roles have their own routes). */
export const EventPatch = z.object(eventFields).partial();
export type EventPatch = z.infer<typeof EventPatch>;

export const EventTransition = z.object({ action: z.enum(EVENT_ACTIONS) });

export const EventRole = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  bring: z.string(),
  startsAt: instant,
  endsAt: instant,
  needed: z.number().int(),
  breaks: z.array(z.object({ startsAt: instant, endsAt: instant })),
  scheduled: z.boolean(),
  /** Confirmed volunteers now, and how many wait. */
  filled: z.number().int(),
  waitlisted: z.number().int(),
});
export type EventRole = z.infer<typeof EventRole>;

export const EventSchool = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  arrivesAt: instant.nullable(),
  leavesAt: instant.nullable(),
});

export const RubricView = z.object({
  min: z.number().int(),
  max: z.number().int(),
  criteria: z.array(z.object({ key: z.string(), label: z.string(), description: z.string() })),
});

export const Event = z.object({
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  title: z.string(),
  description: z.string(),
  startsAt: instant,
  endsAt: instant,
  location: z.string().nullable(),
  virtualUrl: z.string().nullable(),
  /** null = run by the intermediary for the region. */
  districtId: z.uuid().nullable(),
  districtName: z.string().nullable(),
  schools: z.array(EventSchool),
  pathways: z.array(z.object({ id: z.uuid(), name: z.string(), sector: z.string(), schoolName: z.string() })),
  interviewsPerStudent: z.number().int(),
  slotMinutes: z.number().int(),
  rubric: RubricView.nullable(),
  roles: z.array(EventRole),
  /** Whether the caller may change it (runs it) or only reads it. */
  canManage: z.boolean(),
  /** The public sign-up page, path only (`/r/<slug>/events/<id>`). */
  signUpPath: z.string(),
  studentCount: z.number().int(),
  scheduleBuiltAt: instant.nullable(),
  heldAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Event = z.infer<typeof Event>;

export const EventSummary = Event.pick({
  id: true,
  kind: true,
  status: true,
  title: true,
  startsAt: true,
  endsAt: true,
  location: true,
  districtId: true,
  districtName: true,
  canManage: true,
  studentCount: true,
}).extend({ needed: z.number().int(), filled: z.number().int() });
export type EventSummary = z.infer<typeof EventSummary>;

/** A volunteer as the people running the event see them. */
export const EventVolunteer = z.object({
  id: z.uuid(),
  roleId: z.uuid(),
  status: z.enum(VOLUNTEER_STATUSES),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  employerName: z.string(),
  organizationId: z.uuid().nullable(),
  /** A new company, waiting in the vetting queue. */
  lead: z.boolean(),
  sectors: z.array(z.string()),
  language: z.enum(GUARDIAN_LANGUAGES),
  station: z.string().nullable(),
  badgeCode: z.string(),
  checkedInAt: instant.nullable(),
  createdAt: instant,
});
export type EventVolunteer = z.infer<typeof EventVolunteer>;

/** The volunteer's own details, on the public page and when a coordinator adds one directly. */
export const VolunteerDetails = z.object({
  name: text(120).min(2),
  email: z.email().max(254),
  phone: z.union([z.literal(""), text(40).regex(/^\+?[\d\s().-]{7,}$/)]).default(""),
  employerName: text(200).min(2),
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length).refine(distinct).default([]),
  language: z.enum(GUARDIAN_LANGUAGES).default("en"),
});
export type VolunteerDetails = z.infer<typeof VolunteerDetails>;
