import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("interestDeclined", {
  en: {
    subject: "Your offer to help {{region}}'s students",
    thanks:
      "Thank you for offering {{company}}'s time to the students of {{region}}. We read every offer, and we are not able to take this one forward right now.",
    reason: "Why: {{reason}}",
    again: "Circumstances change: you are welcome to get in touch again, or to reply to this email with any question.",
    signed: "— {{intermediary}}",
  },
  es: {
    subject: "Su ofrecimiento de ayuda a los estudiantes de {{region}}",
    thanks:
      "Gracias por ofrecer el tiempo de {{company}} a los estudiantes de {{region}}. Leemos cada ofrecimiento y, por ahora, no podemos seguir adelante con este.",
    reason: "Motivo: {{reason}}",
    again:
      "Las circunstancias cambian: puede volver a ponerse en contacto con nosotros cuando quiera, o responder a este correo con cualquier pregunta.",
    signed: "— {{intermediary}}",
  },
});

export interface InterestDeclinedFacts extends MessageBase {
  company: string;
  region: string;
  /** Who decided (the intermediary organization's name). */
  intermediary: string;
  reason: string;
}

/** The intermediary declined a "Get involved" submission: a polite note with the reason, in the company's language. */
export async function interestDeclinedMessage(f: InterestDeclinedFacts): Promise<Message> {
  const t = strings(f.recipient.language);
  return mailTo(f.recipient, t("subject", { region: f.region }), {
    paragraphs: [
      t("thanks", { company: f.company, region: f.region }),
      t("reason", { reason: f.reason }),
      t("again"),
      t("signed", { intermediary: f.intermediary }),
    ],
  });
}
