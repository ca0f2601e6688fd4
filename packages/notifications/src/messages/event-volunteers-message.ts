import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("eventVolunteersMessage", {
  en: {
    subject: "Message about {{event}}: {{subject}}",
    intro: "A message from the people running {{event}}, where you volunteer as {{role}}:",
    reply: "Questions? Reply to this email.",
    signed: "— {{event}}",
  },
  es: {
    subject: "Mensaje sobre {{event}}: {{subject}}",
    intro: "Un mensaje de quienes organizan {{event}}, donde usted participa como voluntario ({{role}}):",
    reply: "¿Preguntas? Responda a este correo.",
    signed: "— {{event}}",
  },
});

export interface EventVolunteersMessageFacts extends MessageBase {
  event: string;
  /** The volunteer's role, as the event names it ("Interviewer"). */
  role: string;
  /** The coordinator's own words, passed on as written. */
  subject: string;
  body: string;
}

/** A coordinator's message to an event's volunteers: their words, framed in the volunteer's language. */
export async function eventVolunteersMessage(f: EventVolunteersMessageFacts): Promise<Message> {
  const t = strings(f.recipient.language);
  const own = f.body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return mailTo(f.recipient, t("subject", { event: f.event, subject: f.subject }), {
    paragraphs: [t("intro", { event: f.event, role: f.role }), ...own, t("reply"), t("signed", { event: f.event })],
  });
}
