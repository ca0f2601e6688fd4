import type { Kind } from "@bridgework/domain";
import { kindLabel } from "../engagement.ts";
import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("feedbackRequest", {
  en: {
    teacher: {
      subject: "How did it go? {{kind}} with {{partner}}",
      ask: "Please take a minute to rate it and say whether you would book it again: the answers help the region plan the next ones.",
      notCompleted: "First mark it completed with the number of students who came; the rating opens then.",
    },
    employer: {
      subject: "How did it go? {{kind}} for {{partner}}",
      ask: "Please take a minute to rate it and say whether you would host it again: the answers help the region plan the next ones.",
      notCompleted: "The rating opens as soon as the school marks it completed.",
    },
    thanks: 'Thank you for "{{title}}" ({{kind}}, {{partner}}) on {{when}}.',
    action: "Give feedback in Bridgework",
  },
  es: {
    teacher: {
      subject: "¿Cómo le fue? {{kind}} con {{partner}}",
      ask: "Tómese un minuto para calificar la actividad y decir si volvería a reservarla: las respuestas ayudan a la región a planear las próximas.",
      notCompleted:
        "Primero márquela como completada con el número de estudiantes que asistieron; entonces se abre la calificación.",
    },
    employer: {
      subject: "¿Cómo le fue? {{kind}} para {{partner}}",
      ask: "Tómese un minuto para calificar la actividad y decir si volvería a recibirla: las respuestas ayudan a la región a planear las próximas.",
      notCompleted: "La calificación se abre en cuanto la escuela la marque como completada.",
    },
    thanks: "Gracias por «{{title}}» ({{kind}}, {{partner}}) el {{when}}.",
    action: "Dar su opinión en Bridgework",
  },
});

export interface FeedbackRequestFacts extends MessageBase {
  /** The teacher who asked, or an employer contact. */
  audience: "teacher" | "employer";
  kind: Kind;
  title: string;
  /** The other side: the employer for a teacher, the school for an employer. */
  partner: string;
  at: Date;
  /** A scheduled engagement not yet marked completed cannot be rated yet. */
  completed: boolean;
  link: string;
}

/** "How did it go?", the day after an engagement. */
export async function feedbackRequestMessage(f: FeedbackRequestFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const kind = kindLabel(f.kind, lang);
  return mailTo(f.recipient, t(`${f.audience}.subject`, { kind, partner: f.partner }), {
    paragraphs: [
      t("thanks", { title: f.title, kind, partner: f.partner, when: formatDateTime(f.at, lang, f.timeZone) }),
      t(`${f.audience}.ask`),
      ...(f.completed ? [] : [t(`${f.audience}.notCompleted`)]),
    ],
    action: { label: t("action"), url: f.link },
  });
}
