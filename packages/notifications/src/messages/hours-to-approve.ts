import { defineStrings } from "../i18n.ts";
import { formatDay } from "../format.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("hoursToApprove", {
  en: {
    subject: "Weekly reminder: hours to approve for {{student}} at {{employer}}",
    hours_one: "{{count}} hour",
    hours_other: "{{count}} hours",
    entries_one: "{{count}} entry",
    entries_other: "{{count}} entries",
    body: '{{student}} has {{hours}} in {{entries}} (since {{day}}) waiting for your approval for "{{title}}".',
    how: "Review them with this link. It works once and replaces any earlier link:",
    action: "Review hours",
  },
  es: {
    subject: "Recordatorio semanal: horas por aprobar de {{student}} en {{employer}}",
    hours_one: "{{count}} hora",
    hours_other: "{{count}} horas",
    entries_one: "{{count}} registro",
    entries_other: "{{count}} registros",
    body: "{{student}} tiene {{hours}} en {{entries}} (desde el {{day}}) que esperan su aprobación para «{{title}}».",
    how: "Revíselas con este enlace. Funciona una sola vez y reemplaza cualquier enlace anterior:",
    action: "Revisar las horas",
  },
});

export interface HoursToApproveFacts extends MessageBase {
  /** First name and last initial: supervisors see no more of a student. */
  student: string;
  employer: string;
  title: string;
  totalHours: number;
  entries: number;
  /** YYYY-MM-DD of the oldest entry waiting. */
  oldest: string;
  /** The one-time approval link. */
  link: string;
}

/** The weekly reminder to a worksite supervisor with hours waiting for approval. */
export async function hoursToApproveMessage(f: HoursToApproveFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const hours = t("hours", { count: f.totalHours });
  const entries = t("entries", { count: f.entries });
  return mailTo(f.recipient, t("subject", { student: f.student, employer: f.employer }), {
    paragraphs: [
      t("body", { student: f.student, hours, entries, day: formatDay(f.oldest, lang), title: f.title }),
      t("how"),
    ],
    action: { label: t("action"), url: f.link },
  });
}
