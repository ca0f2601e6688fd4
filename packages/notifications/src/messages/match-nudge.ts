import { common } from "../common.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("matchNudge", {
  en: {
    subject: "Reminder: {{school}} is waiting for your answer",
    waiting_one: '{{school}} asked for "{{title}}" {{count}} day ago and is waiting for your answer.',
    waiting_other: '{{school}} asked for "{{title}}" {{count}} days ago and is waiting for your answer.',
    why: "A quick yes or no helps the teacher plan: accept or decline it in Bridgework.",
  },
  es: {
    subject: "Recordatorio: {{school}} espera su respuesta",
    waiting_one: '{{school}} pidió "{{title}}" hace {{count}} día y espera su respuesta.',
    waiting_other: '{{school}} pidió "{{title}}" hace {{count}} días y espera su respuesta.',
    why: "Un sí o un no rápido ayuda al docente a planificar: acepte o rechace la solicitud en Bridgework.",
  },
});

export interface MatchNudgeFacts extends MessageBase {
  school: string;
  /** The opportunity asked for. */
  title: string;
  /** Whole days since the coordinator approved the ask. */
  daysWaiting: number;
  /** The match page, where the employer accepts or declines. */
  link: string;
}

/** To an employer contact who has not answered an approved ask for 3 days. */
export async function matchNudgeMessage(f: MatchNudgeFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject", { school: f.school }), {
    paragraphs: [t("waiting", { school: f.school, title: f.title, count: f.daysWaiting }), t("why")],
    action: { label: common(lang)("openMatch"), url: f.link },
  });
}
