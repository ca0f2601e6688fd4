import { inviteAttachment } from "../calendar.ts";
import { common } from "../common.ts";
import { type EngagementFacts, engagementSummary, engagementWhat } from "../engagement.ts";
import { mailTo } from "../mail-to.ts";
import type { Attachment, Language, Message, MessageBase } from "../types.ts";

/** What every match email knows: the engagement, and where the match lives in Bridgework. */
export interface MatchMessageFacts extends MessageBase {
  engagement: EngagementFacts;
  /** The match page (`createLinks(publicUrl).match(id)`). */
  link: string;
}

/** The calendar side of a scheduled engagement: one UID per match, a higher SEQUENCE per change. */
export interface MatchCalendarFacts {
  matchId: string;
  sequence: number;
  start: Date;
  opportunityStartsAt: Date | null;
  opportunityEndsAt: Date | null;
  /** A virtual engagement has no city; the invite says "Virtual" in the reader's language. */
  place: { virtual: boolean; city: string | null };
  /** Everyone on the invite (each receives their own copy, in their own language). */
  attendees: { name: string; email: string }[];
  now: Date;
}

/** A match email: greeting, the paragraphs, and the button back to the match. */
export async function matchMail(
  f: MatchMessageFacts,
  subject: string,
  paragraphs: string[],
  attachments?: Attachment[],
): Promise<Message> {
  return mailTo(
    f.recipient,
    subject,
    { paragraphs, action: { label: common(f.recipient.language)("openMatch"), url: f.link } },
    attachments,
  );
}

/** The .ics for the reader: title and description in their language, times in the region's zone. */
export function matchInvite(
  f: MatchMessageFacts,
  calendar: MatchCalendarFacts,
  method: "REQUEST" | "CANCEL",
): Attachment {
  const lang: Language = f.recipient.language;
  return inviteAttachment({
    matchId: calendar.matchId,
    sequence: calendar.sequence,
    method,
    start: calendar.start,
    opportunityStartsAt: calendar.opportunityStartsAt,
    opportunityEndsAt: calendar.opportunityEndsAt,
    summary: engagementSummary(f.engagement, lang),
    description: `${engagementWhat(f.engagement, lang)}. ${f.link}`,
    location: calendar.place.virtual ? common(lang)("virtual") : calendar.place.city,
    url: f.link,
    attendees: calendar.attendees,
    now: calendar.now,
    timeZone: f.timeZone,
  });
}
