import { formatDay } from "../format.ts";
import { kindLabel } from "../engagement.ts";
import { defineStrings } from "../i18n.ts";
import type { Message } from "../types.ts";
import { type MatchMessageFacts, matchMail } from "./match-parts.ts";

const strings = defineStrings("matchApproved", {
  en: {
    subject: "New request from {{school}}: {{kind}}",
    ask_one: "{{school}} would like “{{title}}” ({{kind}}) for {{count}} student, between {{from}} and {{to}}.",
    ask_other: "{{school}} would like “{{title}}” ({{kind}}) for {{count}} students, between {{from}} and {{to}}.",
    note: "Note from the school: {{note}}",
    answer: "Please accept or decline it in Bridgework.",
  },
  es: {
    subject: "Nueva solicitud de {{school}}: {{kind}}",
    ask_one: "{{school}} desea «{{title}}» ({{kind}}) para {{count}} estudiante, entre el {{from}} y el {{to}}.",
    ask_other: "{{school}} desea «{{title}}» ({{kind}}) para {{count}} estudiantes, entre el {{from}} y el {{to}}.",
    note: "Nota de la escuela: {{note}}",
    answer: "Acéptela o rechácela en Bridgework.",
  },
});

export interface MatchApprovedFacts extends MatchMessageFacts {
  /** The request's window, YYYY-MM-DD calendar days. */
  windowStart: string;
  windowEnd: string;
  note: string | null;
}

/** The coordinator approved a match: the employer's contacts get the ask (one per approval). */
export async function matchApprovedMessage(f: MatchApprovedFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const e = f.engagement;
  const kind = kindLabel(e.kind, lang);
  const ask = t("ask", {
    school: e.school,
    title: e.title,
    kind,
    count: e.students,
    from: formatDay(f.windowStart, lang),
    to: formatDay(f.windowEnd, lang),
  });
  return matchMail(f, t("subject", { school: e.school, kind }), [
    ask,
    ...(f.note ? [t("note", { note: f.note })] : []),
    t("answer"),
  ]);
}
