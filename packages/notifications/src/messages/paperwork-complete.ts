import { common } from "../common.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("paperworkComplete", {
  en: {
    subject: "Paperwork complete: {{student}} at {{employer}}",
    body: "Every document for {{student}}'s placement “{{title}}” with {{employer}} is signed. The placement is ready to activate.",
  },
  es: {
    subject: "Documentos completos: {{student}} en {{employer}}",
    body: "Todos los documentos de la práctica «{{title}}» de {{student}} con {{employer}} están firmados. La práctica está lista para activarse.",
  },
});

export interface PaperworkCompleteFacts extends MessageBase {
  /** The coordinator reads the student's full name (the district's own record). */
  student: string;
  title: string;
  employer: string;
  placementUrl: string;
}

/** The last signature is in: the district's coordinators may activate the placement. */
export async function paperworkCompleteMessage(f: PaperworkCompleteFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject", { student: f.student, employer: f.employer }), {
    paragraphs: [t("body", { student: f.student, title: f.title, employer: f.employer })],
    action: { label: common(lang)("openPlacement"), url: f.placementUrl },
  });
}
