import type { WayToHelp } from "../engagement/ways-to-help.ts";
import type { EventKind } from "./events.ts";

/**
 * Rules of the public volunteer sign-up (area: event-signup). A volunteer's company that is new
 * to the region becomes a lead in the employer vetting queue, offering the way of helping the
 * event is.
 */
export const EVENT_KIND_WAY: Record<EventKind, WayToHelp> = {
  mock_interviews: "mock_interviews_or_judging",
  competition_judging: "mock_interviews_or_judging",
  career_fair: "class_talk",
  industry_panel: "class_talk",
  advisory_meeting: "advisory_board",
};

/** Letters and digits nobody misreads on a printed badge (no 0/O, 1/I/L). */
export const BADGE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** "V-7K3P": short enough to read out at check-in; unique within an event (the database holds it). */
export function volunteerBadgeCode(random: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < 4; i++) code += BADGE_ALPHABET[random(BADGE_ALPHABET.length)];
  return `V-${code}`;
}

/** Sign-ups kept per sending address and per email (a person or a script cannot flood a shift). */
export const VOLUNTEER_IP_LIMIT = { requests: 10, windowMs: 3600_000 };
export const VOLUNTEER_EMAIL_LIMIT = { requests: 5, windowMs: 24 * 3600_000 };

/** Volunteers are reminded this many days before their shift (7 and 1), once each. */
export const VOLUNTEER_REMINDER_DAYS = [7, 1] as const;
