import { engagementWhat, kindLabel } from "../engagement.ts";
import { defineStrings } from "../i18n.ts";
import type { Message } from "../types.ts";
import { type MatchMessageFacts, matchMail } from "./match-parts.ts";

const strings = defineStrings("matchDeclined", {
  en: {
    subject: "{{employer}} declined: {{kind}}",
    declined: "{{employer}} declined: {{what}}.",
    reason: "Reason: {{reason}}",
    next: "If the students still need this, pick another suggestion in Bridgework.",
  },
  es: {
    subject: "{{employer}} rechazó: {{kind}}",
    declined: "{{employer}} rechazó: {{what}}.",
    reason: "Motivo: {{reason}}",
    next: "Si los estudiantes aún lo necesitan, elija otra sugerencia en Bridgework.",
  },
});

export interface MatchDeclinedFacts extends MatchMessageFacts {
  reason: string;
}

/** The employer declined an ask it had not scheduled: the teacher and coordinators hear why. */
export async function matchDeclinedMessage(f: MatchDeclinedFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const e = f.engagement;
  return matchMail(f, t("subject", { employer: e.employer, kind: kindLabel(e.kind, lang) }), [
    t("declined", { employer: e.employer, what: engagementWhat(e, lang) }),
    t("reason", { reason: f.reason }),
    t("next"),
  ]);
}
