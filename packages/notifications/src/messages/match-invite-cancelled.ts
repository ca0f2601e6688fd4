import { engagementWhat, kindLabel } from "../engagement.ts";
import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import type { Message } from "../types.ts";
import { type MatchCalendarFacts, type MatchMessageFacts, matchInvite, matchMail } from "./match-parts.ts";

const strings = defineStrings("matchInviteCancelled", {
  en: {
    subject: "Cancelled: {{kind}}, {{when}}",
    cancelled: "Cancelled, {{when}}: {{what}}.",
    declined: "Declined by the employer, {{when}}: {{what}}.",
    reason: "Reason: {{reason}}",
  },
  es: {
    subject: "Cancelado: {{kind}}, {{when}}",
    cancelled: "Cancelado, {{when}}: {{what}}.",
    declined: "Rechazado por el empleador, {{when}}: {{what}}.",
    reason: "Motivo: {{reason}}",
  },
});

export interface MatchInviteCancelledFacts extends MatchMessageFacts {
  /** The withdrawn invite: same UID, the bumped SEQUENCE, the time it was for. */
  calendar: MatchCalendarFacts;
  how: "declined" | "cancelled";
  reason: string;
}

/** A scheduled engagement ended: the invite is withdrawn (METHOD:CANCEL) so calendars drop it. */
export async function matchInviteCancelledMessage(f: MatchInviteCancelledFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const when = formatDateTime(f.calendar.start, lang, f.timeZone);
  return matchMail(
    f,
    t("subject", { kind: kindLabel(f.engagement.kind, lang), when }),
    [t(f.how, { when, what: engagementWhat(f.engagement, lang) }), t("reason", { reason: f.reason })],
    [matchInvite(f, f.calendar, "CANCEL")],
  );
}
