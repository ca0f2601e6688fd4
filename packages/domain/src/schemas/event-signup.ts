import { z } from "zod";
import { EVENT_KINDS } from "../events/events.ts";
import { VolunteerDetails } from "./events.ts";

/**
 * The contract of the public volunteer sign-up (`/api/public/regions/:slug/events…`,
 * `/api/public/volunteer-cancel/:token`; docs/api.md "Events: volunteer sign-up"). No names of
 * other volunteers are ever part of it: only counts.
 */
const instant = z.iso.datetime({ offset: true });

export const PublicEventRegion = z.object({
  slug: z.string(),
  name: z.string(),
  /** The region's IANA zone: the page shows every time in it. */
  timeZone: z.string(),
});

export const PublicEventParams = z.object({
  slug: z.string().trim().min(1).max(100),
  eventId: z.uuid(),
});

export const PublicEventRole = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  bring: z.string(),
  startsAt: instant,
  endsAt: instant,
  needed: z.number().int(),
  /** Places not yet taken; 0 = full (a sign-up joins the waiting list). */
  remaining: z.number().int(),
  waitlisted: z.number().int(),
});
export type PublicEventRole = z.infer<typeof PublicEventRole>;

export const PublicEventSummary = z.object({
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  location: z.string().nullable(),
  virtual: z.boolean(),
  roles: z.array(PublicEventRole.pick({ id: true, name: true, startsAt: true, endsAt: true, remaining: true })),
});
export type PublicEventSummary = z.infer<typeof PublicEventSummary>;

export const PublicEventList = z.object({ region: PublicEventRegion, events: z.array(PublicEventSummary) });
export type PublicEventList = z.infer<typeof PublicEventList>;

export const PublicEvent = z.object({
  region: PublicEventRegion,
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  description: z.string(),
  startsAt: instant,
  endsAt: instant,
  location: z.string().nullable(),
  virtualUrl: z.string().nullable(),
  roles: z.array(PublicEventRole),
});
export type PublicEvent = z.infer<typeof PublicEvent>;

/** The public form: a role (one shift), the volunteer's details and a honeypot people never see. */
export const VolunteerSignUpInput = VolunteerDetails.extend({
  roleId: z.uuid(),
  /** Honeypot: hidden from people and assistive technology; anything here means a bot. */
  faxNumber: z.string().max(200).default(""),
});
export type VolunteerSignUpInput = z.infer<typeof VolunteerSignUpInput>;

export const VolunteerSignUpResult = z.object({
  status: z.enum(["confirmed", "waitlisted"]),
  /** On the waiting list: their place in it (1 = next to move up). */
  position: z.number().int().optional(),
});
export type VolunteerSignUpResult = z.infer<typeof VolunteerSignUpResult>;

export const VolunteerCancelParams = z.object({ token: z.string().min(20).max(200) });

/** What a cancel link is about (shown before the person confirms; mail scanners open links). */
export const VolunteerCancelView = z.object({
  status: z.enum(["confirmed", "waitlisted", "cancelled"]),
  name: z.string(),
  region: PublicEventRegion,
  event: z.object({ title: z.string(), startsAt: instant, endsAt: instant, location: z.string().nullable() }),
  role: z.object({ name: z.string(), startsAt: instant, endsAt: instant }),
});
export type VolunteerCancelView = z.infer<typeof VolunteerCancelView>;

export const VolunteerCancelResult = VolunteerCancelView.extend({
  /** `already-cancelled` when the link is used again (not an error). */
  result: z.enum(["cancelled", "already-cancelled"]),
});
export type VolunteerCancelResult = z.infer<typeof VolunteerCancelResult>;
