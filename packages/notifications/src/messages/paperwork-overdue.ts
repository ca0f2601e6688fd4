import { type DocumentKind, LABELS, type SignerRole } from "@bridgework/domain";
import { common } from "../common.ts";
import { formatDay } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("paperworkOverdue", {
  en: {
    subject: "Paperwork overdue: {{student}} at {{employer}}",
    body: 'The paperwork for {{student}}\'s placement "{{title}}" with {{employer}} ({{school}}) was due on {{day}} and is still not signed:',
    document_one: "{{document}}, to be signed by {{signer}} ({{count}} reminder sent)",
    document_other: "{{document}}, to be signed by {{signer}} ({{count}} reminders sent)",
    next: "The placement cannot start until it is signed. Consider a call, or send the signer a new link from the placement page.",
  },
  es: {
    subject: "Documentos vencidos: {{student}} en {{employer}}",
    body: "Los documentos de la práctica de {{student}} «{{title}}» con {{employer}} ({{school}}) vencían el {{day}} y todavía no están firmados:",
    document_one: "{{document}}, que debe firmar {{signer}} ({{count}} recordatorio enviado)",
    document_other: "{{document}}, que debe firmar {{signer}} ({{count}} recordatorios enviados)",
    next: "La práctica no puede empezar hasta que estén firmados. Considere llamar, o envíe al firmante un enlace nuevo desde la página de la práctica.",
  },
});

export interface OverdueDocument {
  kind: DocumentKind;
  signerRole: SignerRole;
  remindersSent: number;
}

export interface PaperworkOverdueFacts extends MessageBase {
  /** Full name: coordinators and intermediaries see the student's record. */
  student: string;
  title: string;
  employer: string;
  school: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  documents: OverdueDocument[];
  link: string;
}

/** To the district's coordinators (or the region's intermediaries) once a placement's paperwork is past due. */
export async function paperworkOverdueMessage(f: PaperworkOverdueFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const labels = LABELS[lang];
  return mailTo(f.recipient, t("subject", { student: f.student, employer: f.employer }), {
    paragraphs: [
      t("body", {
        student: f.student,
        title: f.title,
        employer: f.employer,
        school: f.school,
        day: formatDay(f.dueOn, lang),
      }),
    ],
    items: f.documents.map((d) =>
      t("document", {
        document: labels.documents[d.kind],
        signer: labels.signers[d.signerRole],
        count: d.remindersSent,
      }),
    ),
    footer: t("next"),
    action: { label: common(lang)("openPlacement"), url: f.link },
  });
}
