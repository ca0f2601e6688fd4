import { formatSignedAt } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("passwordReset", {
  en: {
    subject: "Reset your Bridgework password",
    body: "Someone asked to reset the password of your Bridgework account ({{email}}). If it was you, choose a new password with the link below.",
    expires: "The link works once and expires on {{expires}}. Setting a new password logs you out everywhere else.",
    ignore: "If you did not ask, ignore this email: your password stays as it is.",
    action: "Choose a new password",
  },
  es: {
    subject: "Restablezca su contraseña de Bridgework",
    body: "Alguien pidió restablecer la contraseña de su cuenta de Bridgework ({{email}}). Si fue usted, elija una contraseña nueva con el enlace de abajo.",
    expires:
      "El enlace funciona una sola vez y vence el {{expires}}. Al crear una contraseña nueva se cierra su sesión en todos los demás lugares.",
    ignore: "Si no lo pidió, ignore este correo: su contraseña no cambia.",
    action: "Elegir una contraseña nueva",
  },
});

export interface PasswordResetFacts extends MessageBase {
  /** The one-time reset link. */
  link: string;
  expiresAt: Date;
}

/** The forgot-password email: a one-time link, valid for an hour, in the reader's language. */
export async function passwordResetMessage(f: PasswordResetFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const expires = formatSignedAt(f.expiresAt, lang, f.timeZone);
  return mailTo(f.recipient, t("subject"), {
    paragraphs: [t("body", { email: f.recipient.email }), t("expires", { expires }), t("ignore")],
    action: { label: t("action"), url: f.link },
  });
}
