import { engagementWhat, kindLabel } from "../engagement.ts";
import { defineStrings } from "../i18n.ts";
import type { Message } from "../types.ts";
import { type MatchMessageFacts, matchMail } from "./match-parts.ts";

const strings = defineStrings("matchCancelled", {
  en: {
    subject: "Cancelled: {{kind}} for {{school}}",
    cancelled: "{{school}} cancelled: {{what}}.",
    reason: "Reason: {{reason}}",
  },
  es: {
    subject: "Cancelado: {{kind}} para {{school}}",
    cancelled: "{{school}} canceló: {{what}}.",
    reason: "Motivo: {{reason}}",
  },
});

export interface MatchCancelledFacts extends MatchMessageFacts {
  reason: string;
}

/** The school cancelled an ask the employer had already seen (approved or accepted, never scheduled). */
export async function matchCancelledMessage(f: MatchCancelledFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const e = f.engagement;
  return matchMail(f, t("subject", { kind: kindLabel(e.kind, lang), school: e.school }), [
    t("cancelled", { school: e.school, what: engagementWhat(e, lang) }),
    t("reason", { reason: f.reason }),
  ]);
}
