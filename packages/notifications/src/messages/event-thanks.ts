import { formatDay, LOCALES } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("eventThanks", {
  en: {
    subject: "Thank you for volunteering at {{event}}",
    employer: "Thank you: {{volunteers}} from {{employer}} gave {{hours}} to the students at {{event}} on {{day}}.",
    person: "Thank you for giving {{hours}} to the students at {{event}} on {{day}}.",
    volunteers_one: "one volunteer",
    volunteers_other: "{{count}} volunteers",
    hours_one: "{{n}} hour",
    hours_other: "{{n}} hours",
    counts:
      "Every student you met now counts on their continuum of work-based learning, and your time shows in the region's reports.",
  },
  es: {
    subject: "Gracias por su voluntariado en {{event}}",
    employer: "Gracias: {{volunteers}} de {{employer}} dedicaron {{hours}} a los estudiantes en {{event}} el {{day}}.",
    person: "Gracias por dedicar {{hours}} a los estudiantes en {{event}} el {{day}}.",
    volunteers_one: "una persona voluntaria",
    volunteers_other: "{{count}} personas voluntarias",
    hours_one: "{{n}} hora",
    hours_other: "{{n}} horas",
    counts:
      "Cada estudiante con quien se reunieron ahora cuenta en su trayectoria de aprendizaje basado en el trabajo, y su tiempo aparece en los informes de la región.",
  },
});

export interface EventThanksFacts extends MessageBase {
  event: string;
  /** The event's day (YYYY-MM-DD) in the region's zone. */
  day: string;
  /** The employer thanked, with how many of its people came; null: one volunteer thanked for their own time. */
  employer: { name: string; volunteers: number } | null;
  /** Hours given (quarter hours). */
  hours: number;
}

/** After a multi-employer event is held: thanks to an employer's contacts (or a volunteer) with the hours given. */
export async function eventThanksMessage(f: EventThanksFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const n = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(f.hours);
  const hours = t("hours", { count: f.hours, n });
  const facts = { event: f.event, day: formatDay(f.day, lang), hours };
  const first = f.employer
    ? t("employer", {
        ...facts,
        employer: f.employer.name,
        volunteers: t("volunteers", { count: f.employer.volunteers }),
      })
    : t("person", facts);
  return mailTo(f.recipient, t("subject", { event: f.event }), { paragraphs: [first, t("counts")] });
}
