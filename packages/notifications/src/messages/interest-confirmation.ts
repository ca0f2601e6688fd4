import { WAY_TO_HELP_TEXT, type WayToHelp } from "@bridgework/domain";
import { formatSignedAt } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("interestConfirmation", {
  en: {
    subject: "Confirm your offer to help students in {{region}}",
    body: "Thank you for offering {{company}}'s time to students in {{region}}. Please confirm that you sent the form: only then does it reach the team that connects schools and employers.",
    ways: "You offered: {{ways}}.",
    expires: "The link works until {{expires}}. If it expires, fill in the form again.",
    ignore: "If you did not fill in this form, ignore this email: nothing will be kept.",
    action: "Confirm my offer",
  },
  es: {
    subject: "Confirme su ofrecimiento de ayuda a estudiantes de {{region}}",
    body: "Gracias por ofrecer el tiempo de {{company}} a estudiantes de {{region}}. Confirme que envió el formulario: solo entonces llega al equipo que conecta escuelas y empleadores.",
    ways: "Usted ofreció: {{ways}}.",
    expires: "El enlace funciona hasta el {{expires}}. Si vence, vuelva a llenar el formulario.",
    ignore: "Si usted no llenó este formulario, ignore este correo: no se guardará nada.",
    action: "Confirmar mi ofrecimiento",
  },
});

export interface InterestConfirmationFacts extends MessageBase {
  region: string;
  company: string;
  ways: WayToHelp[];
  /** The one-time confirmation link. */
  link: string;
  expiresAt: Date;
}

/** The "Get involved" confirmation: the submission counts only once its contact follows this link. */
export async function interestConfirmationMessage(f: InterestConfirmationFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const ways = f.ways.map((w) => WAY_TO_HELP_TEXT[lang][w].title.toLowerCase()).join("; ");
  return mailTo(f.recipient, t("subject", { region: f.region }), {
    paragraphs: [
      t("body", { company: f.company, region: f.region }),
      t("ways", { ways }),
      t("expires", { expires: formatSignedAt(f.expiresAt, lang, f.timeZone) }),
      t("ignore"),
    ],
    action: { label: t("action"), url: f.link },
  });
}
