import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Attachment, Message, MessageBase } from "../types.ts";

const strings = defineStrings("thankYouLetter", {
  en: {
    subject: "Thank you from {{intermediary}} for the {{schoolYear}} school year",
    body: "On behalf of the schools and students of {{region}}, thank you for everything {{employer}} did for work-based learning in the {{schoolYear}} school year. Our letter is attached as a PDF.",
    sender: "Sent by {{sender}}, {{intermediary}}.",
  },
  es: {
    subject: "Gracias de {{intermediary}} por el año escolar {{schoolYear}}",
    body: "En nombre de las escuelas y los estudiantes de {{region}}, gracias por todo lo que {{employer}} hizo por el aprendizaje basado en el trabajo en el año escolar {{schoolYear}}. Adjuntamos nuestra carta en PDF.",
    sender: "Enviado por {{sender}}, {{intermediary}}.",
  },
});

export interface ThankYouLetterFacts extends MessageBase {
  employer: string;
  region: string;
  intermediary: string;
  /** The intermediary's person who sent it. */
  sender: string;
  schoolYear: string;
  /** The letter itself (a PDF, base64), in the reader's language. */
  letter: Attachment;
}

/** The intermediary thanks an employer at the end of a school year; the letter is attached. */
export async function thankYouLetterMessage(f: ThankYouLetterFacts): Promise<Message> {
  const t = strings(f.recipient.language);
  const facts = { employer: f.employer, region: f.region, intermediary: f.intermediary, schoolYear: f.schoolYear };
  return mailTo(
    f.recipient,
    t("subject", facts),
    { paragraphs: [t("body", facts), t("sender", { sender: f.sender, intermediary: f.intermediary })] },
    [f.letter],
  );
}
