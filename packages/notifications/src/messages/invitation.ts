import type { Role } from "@bridgework/domain";
import { formatSignedAt } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("invitation", {
  en: {
    subject: "You're invited to Bridgework ({{organization}})",
    body: "You have been invited to Bridgework as {{role}} for {{organization}}.",
    expires: "The link works once and expires on {{expires}}.",
    action: "Set your password",
    roles: {
      intermediary: "the regional intermediary",
      coordinator: "a WBL coordinator",
      teacher: "a teacher",
      employer: "an employer contact",
    },
  },
  es: {
    subject: "Le invitamos a Bridgework ({{organization}})",
    body: "Le invitaron a Bridgework como {{role}} de {{organization}}.",
    expires: "El enlace funciona una sola vez y vence el {{expires}}.",
    action: "Crear su contraseña",
    roles: {
      intermediary: "intermediario regional",
      coordinator: "coordinador de aprendizaje en el trabajo",
      teacher: "docente",
      employer: "contacto del empleador",
    },
  },
});

export interface InvitationFacts extends MessageBase {
  role: Role;
  organization: string;
  /** The one-time set-password link. */
  link: string;
  expiresAt: Date;
}

/** The set-password invitation a new user receives (and a resend). */
export async function invitationMessage(f: InvitationFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const expires = formatSignedAt(f.expiresAt, lang, f.timeZone);
  return mailTo(f.recipient, t("subject", { organization: f.organization }), {
    paragraphs: [t("body", { role: t(`roles.${f.role}`), organization: f.organization }), t("expires", { expires })],
    action: { label: t("action"), url: f.link },
  });
}
