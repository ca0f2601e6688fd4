import { defineStrings } from "../i18n.ts";
import { formatDay } from "../format.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("insuranceRequest", {
  en: {
    subject: "Please file your certificate of insurance",
    body_one:
      "{{requester}} asks {{employer}} for a current certificate of insurance. One student placement at your worksite cannot start until one is on file:",
    body_other:
      "{{requester}} asks {{employer}} for a current certificate of insurance. {{count}} student placements at your worksite cannot start until one is on file:",
    item: "{{student}}: “{{title}}”, starting {{day}}",
    next: "File the certificate (carrier, policy number, coverage, expiry date and the PDF or image of the certificate) on your insurance page.",
    action: "File the certificate",
  },
  es: {
    subject: "Registre su certificado de seguro",
    body_one:
      "{{requester}} pide a {{employer}} un certificado de seguro vigente. Una práctica de estudiantes en su lugar de trabajo no puede empezar hasta que haya uno registrado:",
    body_other:
      "{{requester}} pide a {{employer}} un certificado de seguro vigente. {{count}} prácticas de estudiantes en su lugar de trabajo no pueden empezar hasta que haya uno registrado:",
    item: "{{student}}: «{{title}}», a partir del {{day}}",
    next: "Registre el certificado (aseguradora, número de póliza, cobertura, fecha de vencimiento y el PDF o la imagen del certificado) en su página de seguros.",
    action: "Registrar el certificado",
  },
});

export interface InsuranceRequestFacts extends MessageBase {
  employer: string;
  /** Who asks (the coordinator's or intermediary's name). */
  requester: string;
  /** The placements waiting on the certificate; the employer reads students as "Maya R.". */
  placements: { student: string; title: string; startDate: string }[];
  /** The employer's insurance page. */
  insuranceLink: string;
}

/** A coordinator or intermediary asks an employer's users to file a certificate that blocks placements. */
export async function insuranceRequestMessage(f: InsuranceRequestFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject"), {
    paragraphs: [t("body", { requester: f.requester, employer: f.employer, count: f.placements.length }), t("next")],
    items: f.placements.map((p) =>
      t("item", { student: p.student, title: p.title, day: formatDay(p.startDate, lang) }),
    ),
    action: { label: t("action"), url: f.insuranceLink },
  });
}
