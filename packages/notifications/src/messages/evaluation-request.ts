import { formatDay, formatSignedAt } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("evaluationRequest", {
  en: {
    subject: "How did {{student}} do? Evaluation for {{title}}",
    completed: "{{student}} has completed “{{title}}” with {{employer}} ({{from}} to {{to}}). Thank you for hosting.",
    ask: "Please take two minutes to evaluate the student and tell us whether you would host a student again.",
    link: "The link works once and expires on {{expires}}.",
    action: "Evaluate the student",
  },
  es: {
    subject: "¿Cómo le fue a {{student}}? Evaluación de {{title}}",
    completed:
      "{{student}} completó «{{title}}» con {{employer}} (del {{from}} al {{to}}). Gracias por recibir a un estudiante.",
    ask: "Dedique dos minutos a evaluar al estudiante y díganos si volvería a recibir a un estudiante.",
    link: "El enlace funciona una sola vez y vence el {{expires}}.",
    action: "Evaluar al estudiante",
  },
});

export interface EvaluationRequestFacts extends MessageBase {
  /** First name and last initial only (domain.md, Privacy). */
  student: string;
  title: string;
  employer: string;
  /** The placement's days, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  link: string;
  expiresAt: Date;
}

/** A placement completed: the supervisor is asked to evaluate the student and say whether they would host again. */
export async function evaluationRequestMessage(f: EvaluationRequestFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject", { student: f.student, title: f.title }), {
    paragraphs: [
      t("completed", {
        student: f.student,
        title: f.title,
        employer: f.employer,
        from: formatDay(f.startDate, lang),
        to: formatDay(f.endDate, lang),
      }),
      t("ask"),
      t("link", { expires: formatSignedAt(f.expiresAt, lang, f.timeZone) }),
    ],
    action: { label: t("action"), url: f.link },
  });
}
