import { z } from "zod";
import { KINDS, LEVELS, SECTORS } from "../enums.ts";
import { GROW_RULES } from "./grow.ts";

/** The employer's ask state this month: asks = matches approved + grow invitations sent. */
export const AskState = z.object({
  asksThisMonth: z.number().int(),
  askCapPerMonth: z.number().int().nullable(),
  capReached: z.boolean(),
  /** The current month (region's zone) is one of the employer's blackout months. */
  blackoutNow: z.boolean(),
});
export type AskState = z.infer<typeof AskState>;

export const TIMELINE_KINDS = [
  "ask",
  "answer",
  "engagement",
  "placement",
  "feedback",
  "offer",
  "grow_invitation",
  /** A held multi-employer event its people volunteered at (area: event counting). */
  "volunteered",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TimelineEntry = z.object({
  at: z.iso.datetime({ offset: true }),
  type: z.enum(TIMELINE_KINDS),
  /** The experience's kind, when it has one. */
  kind: z.enum(KINDS).nullable(),
  level: z.enum(LEVELS).nullable(),
  title: z.string().nullable(),
  school: z.string().nullable(),
  district: z.string().nullable(),
  /** What happened: accepted/declined, a placement's status, the invitation's rule… */
  status: z.string().nullable(),
  rating: z.number().int().nullable(),
  hostAgain: z.boolean().nullable(),
  /** Placements: hours logged and approved. */
  hoursLogged: z.number().nullable(),
  hoursApproved: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  matchId: z.uuid().nullable(),
  /** `volunteered`: how many of the employer's people gave their time, and the hours (shiftHours, summed). */
  volunteers: z.number().int().nullable(),
  volunteerHours: z.number().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const EmployerRelationship = z.object({
  employer: z.object({
    id: z.uuid(),
    name: z.string(),
    sectors: z.array(z.enum(SECTORS)),
    website: z.string().nullable(),
    companySize: z.string().nullable(),
    blackoutMonths: z.array(z.number().int()),
    preferredContactId: z.uuid().nullable(),
  }),
  asks: AskState,
  /** Its people: the least data a broker needs to reach them. */
  contacts: z.array(
    z.object({ id: z.uuid(), name: z.string(), email: z.string(), status: z.string(), preferred: z.boolean() }),
  ),
  insurance: z.object({ carrier: z.string(), expiresOn: z.string(), expired: z.boolean() }).nullable(),
  hostAgain: z.object({ yes: z.number().int(), answers: z.number().int(), rate: z.number().nullable() }),
  highestLevel: z.object({ level: z.enum(LEVELS), at: z.iso.datetime({ offset: true }) }).nullable(),
  /** Coordinators read only their district's asks and placements. */
  readOnly: z.boolean(),
  timeline: z.array(TimelineEntry),
});
export type EmployerRelationship = z.infer<typeof EmployerRelationship>;

export const GrowListItem = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  rule: z.enum(GROW_RULES),
  kind: z.enum(KINDS),
  count: z.number().int(),
  strength: z.number(),
  /** Why, in the caller's language. */
  reason: z.string(),
  asks: AskState,
  /** Invited to this step within the last 90 days (then no new invitation is offered): when. */
  invitedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type GrowListItem = z.infer<typeof GrowListItem>;

export const GrowList = z.object({ items: z.array(GrowListItem) });
export type GrowList = z.infer<typeof GrowList>;

export const SendGrowInvitation = z.object({ kind: z.enum(KINDS), rule: z.enum(GROW_RULES) });
export type SendGrowInvitation = z.infer<typeof SendGrowInvitation>;

export const GrowInvitation = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  kind: z.enum(KINDS),
  rule: z.enum(GROW_RULES),
  sentAt: z.iso.datetime({ offset: true }),
  sentTo: z.string().nullable(),
  asks: AskState,
});
export type GrowInvitation = z.infer<typeof GrowInvitation>;
