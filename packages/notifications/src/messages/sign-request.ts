import { type DocumentKind, LABELS, type SignerRole } from "@bridgework/domain";
import { formatDay, formatSignedAt, limitedName } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("signRequest", {
  en: {
    subject: {
      request: "Paperwork to sign: {{first}}'s placement with {{employer}}",
      requestSupervisor: "Worksite agreement to sign: {{student}} at {{employer}}",
      reminder: "Reminder: paperwork to sign for {{first}}'s placement with {{employer}}",
      reminderSupervisor: "Reminder: worksite agreement to sign for {{student}} at {{employer}}",
    },
    intro:
      '{{district}} has arranged a work-based learning placement for {{student}}: "{{title}}" with {{employer}}, {{start}} to {{end}}.',
    stillWaiting:
      '{{district}} is still waiting for your signature for {{student}}\'s work-based learning placement "{{title}}" with {{employer}}, {{start}} to {{end}}.',
    ask_one: "Please read and sign this document:",
    ask_other: "Please read and sign these {{count}} documents, one after the other:",
    due: "Please sign by {{due}}.",
    link: "One link opens them all. It keeps working until everything is signed, and expires on {{expires}}.",
    fresh: "For your security the earlier link no longer works; use this new one.",
    how: "Signing takes a minute per document: read it and type your full name.",
    action_one: "Read and sign the document",
    action_other: "Read and sign the {{count}} documents",
    footer:
      "Questions? Contact the school's work-based learning coordinator. If you were not expecting this email, you can ignore it.",
  },
  es: {
    subject: {
      request: "Documentos para firmar: práctica de {{first}} con {{employer}}",
      requestSupervisor: "Acuerdo del lugar de trabajo para firmar: {{student}} en {{employer}}",
      reminder: "Recordatorio: documentos para firmar de la práctica de {{first}} con {{employer}}",
      reminderSupervisor: "Recordatorio: acuerdo del lugar de trabajo para firmar: {{student}} en {{employer}}",
    },
    intro:
      '{{district}} organizó una práctica de aprendizaje en el trabajo para {{student}}: "{{title}}" con {{employer}}, del {{start}} al {{end}}.',
    stillWaiting:
      '{{district}} todavía espera su firma para la práctica de aprendizaje en el trabajo de {{student}}: "{{title}}" con {{employer}}, del {{start}} al {{end}}.',
    ask_one: "Por favor lea y firme este documento:",
    ask_other: "Por favor lea y firme estos {{count}} documentos, uno tras otro:",
    due: "Por favor firme antes del {{due}}.",
    link: "Un solo enlace los abre todos. Sigue funcionando hasta que todo esté firmado y vence el {{expires}}.",
    fresh: "Por seguridad, el enlace anterior ya no funciona; use este nuevo enlace.",
    how: "Firmar toma un minuto por documento: léalo y escriba su nombre completo.",
    action_one: "Leer y firmar el documento",
    action_other: "Leer y firmar los {{count}} documentos",
    footer:
      "Si tiene preguntas, comuníquese con la coordinación de aprendizaje en el trabajo de la escuela. Si no esperaba este correo, puede ignorarlo.",
  },
});

export interface SignRequestFacts extends MessageBase {
  /** The first request (or a resend by staff), or a reminder from the paperwork sweep. */
  variant: "request" | "reminder";
  signerRole: SignerRole;
  student: { firstName: string; lastName: string };
  district: string;
  opportunityTitle: string;
  employer: string;
  startDate: string;
  endDate: string;
  /** The signer's unsigned documents, in the order the packet shows them. */
  documents: DocumentKind[];
  dueOn: string;
  /** The signer's packet link: one link for all of their documents on this placement. */
  link: string;
  expiresAt: Date;
}

/**
 * The email asking one signer to sign their paperwork through one packet link, in their language.
 * A supervisor reads only the student's first name and last initial (domain.md, Privacy).
 */
export async function signRequestMessage(f: SignRequestFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const supervisor = f.signerRole === "supervisor";
  const student = supervisor
    ? limitedName(f.student.firstName, f.student.lastName)
    : `${f.student.firstName} ${f.student.lastName}`;
  const placement = {
    district: f.district,
    student,
    title: f.opportunityTitle,
    employer: f.employer,
    start: formatDay(f.startDate, lang),
    end: formatDay(f.endDate, lang),
  };
  const count = f.documents.length;
  const reminder = f.variant === "reminder";
  const subjectKey = `subject.${f.variant}${supervisor ? "Supervisor" : ""}`;
  return mailTo(f.recipient, t(subjectKey, { first: f.student.firstName, student, employer: f.employer }), {
    paragraphs: [
      t(reminder ? "stillWaiting" : "intro", placement),
      `${t("due", { due: formatDay(f.dueOn, lang) })} ${t("ask", { count })}`,
    ],
    items: f.documents.map((kind) => LABELS[lang].documents[kind]),
    action: { label: t("action", { count }), url: f.link },
    footer: [
      reminder ? t("fresh") : null,
      t("link", { expires: formatSignedAt(f.expiresAt, lang, f.timeZone) }),
      t("how"),
      t("footer"),
    ]
      .filter((line) => line !== null)
      .join(" "),
  });
}
