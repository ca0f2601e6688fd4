import { engagementWhat, kindLabel } from "../engagement.ts";
import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import type { Message } from "../types.ts";
import { type MatchMessageFacts, matchMail } from "./match-parts.ts";

const strings = defineStrings("matchAccepted", {
  en: {
    subject: "{{employer}} accepted: {{kind}}",
    accepted: "{{employer}} accepted: {{what}}.",
    scheduled: "It is scheduled for {{when}}; the teacher and the employer get a calendar invite.",
    unscheduled: "They will confirm a date and time.",
  },
  es: {
    subject: "{{employer}} aceptó: {{kind}}",
    accepted: "{{employer}} aceptó: {{what}}.",
    scheduled: "Está programado para el {{when}}; el docente y el empleador reciben una invitación de calendario.",
    unscheduled: "Confirmarán una fecha y una hora.",
  },
});

export interface MatchAcceptedFacts extends MatchMessageFacts {
  /** When the employer gave a time on accepting. */
  scheduledAt: Date | null;
}

/** The employer accepted: the teacher who asked and the district's coordinators hear it. */
export async function matchAcceptedMessage(f: MatchAcceptedFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const e = f.engagement;
  const next = f.scheduledAt
    ? t("scheduled", { when: formatDateTime(f.scheduledAt, lang, f.timeZone) })
    : t("unscheduled");
  return matchMail(f, t("subject", { employer: e.employer, kind: kindLabel(e.kind, lang) }), [
    t("accepted", { employer: e.employer, what: engagementWhat(e, lang) }),
    next,
  ]);
}
