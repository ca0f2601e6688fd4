import { formatSignedAt } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("hoursApproval", {
  en: {
    subject: "Hours to approve: {{student}} at {{employer}}",
    pending_one: "{{student}} has {{count}} hours entry waiting for your approval for “{{title}}”.",
    pending_other: "{{student}} has {{count}} hours entries waiting for your approval for “{{title}}”.",
    link: "The link works once, replaces any earlier one and expires on {{expires}}.",
    action: "Review hours",
  },
  es: {
    subject: "Horas por aprobar: {{student}} en {{employer}}",
    pending_one: "{{student}} tiene {{count}} registro de horas pendiente de su aprobación para «{{title}}».",
    pending_other: "{{student}} tiene {{count}} registros de horas pendientes de su aprobación para «{{title}}».",
    link: "El enlace funciona una sola vez, reemplaza a cualquier enlace anterior y vence el {{expires}}.",
    action: "Revisar las horas",
  },
});

export interface HoursApprovalFacts extends MessageBase {
  /** First name and last initial only: the supervisor is outside the school (domain.md, Privacy). */
  student: string;
  title: string;
  employer: string;
  /** Entries still waiting, all covered by this one link. */
  pending: number;
  link: string;
  expiresAt: Date;
}

/** Hours were logged: the worksite supervisor gets one link to approve every pending entry. */
export async function hoursApprovalMessage(f: HoursApprovalFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject", { student: f.student, employer: f.employer }), {
    paragraphs: [
      t("pending", { student: f.student, title: f.title, count: f.pending }),
      t("link", { expires: formatSignedAt(f.expiresAt, lang, f.timeZone) }),
    ],
    action: { label: t("action"), url: f.link },
  });
}
