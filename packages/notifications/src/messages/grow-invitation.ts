import type { Kind } from "@bridgework/domain";
import { WAY_TO_HELP_TEXT, WAY_KIND, type WayToHelp } from "@bridgework/domain";
import { kindLabel } from "../engagement.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("growInvitation", {
  en: {
    subject: "A next step with {{region}}: host a {{kind}}?",
    thanks: "Thank you for what {{employer}} has done with our students: {{history}}",
    ask: "Would {{employer}} be willing to take the next step and host a {{kind}}?",
    time: "What it asks: {{time}}.",
    reply: "Reply to this email or open Bridgework to offer one; {{intermediary}} will help with the details.",
    action: "Open Bridgework",
  },
  es: {
    subject: "Un paso más con {{region}}: ¿{{kind}}?",
    thanks: "Gracias por lo que {{employer}} ha hecho con nuestros estudiantes: {{history}}",
    ask: "¿Estaría {{employer}} dispuesto a dar el siguiente paso y ofrecer «{{kind}}»?",
    time: "Lo que supone: {{time}}.",
    reply: "Responda a este correo o abra Bridgework para ofrecerlo; {{intermediary}} le ayudará con los detalles.",
    action: "Abrir Bridgework",
  },
});

export interface GrowInvitationFacts extends MessageBase {
  employer: string;
  region: string;
  /** The intermediary organization that sends it. */
  intermediary: string;
  kind: Kind;
  /** Why now, in the reader's language (the grow rule's reason). */
  history: string;
  link: string;
}

const wayOf = (kind: Kind) => (Object.keys(WAY_KIND) as WayToHelp[]).find((w) => WAY_KIND[w] === kind);

/** The intermediary invites an employer to the next step along the continuum (an ask: it counts against the cap). */
export async function growInvitationMessage(f: GrowInvitationFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const kind = kindLabel(f.kind, lang).toLowerCase();
  const way = wayOf(f.kind);
  const time = way ? WAY_TO_HELP_TEXT[lang][way].time : null;
  return mailTo(f.recipient, t("subject", { region: f.region, kind }), {
    paragraphs: [
      t("thanks", { employer: f.employer, history: f.history }),
      t("ask", { employer: f.employer, kind }),
      ...(time ? [t("time", { time })] : []),
      t("reply", { intermediary: f.intermediary }),
    ],
    action: { label: t("action"), url: f.link },
  });
}
