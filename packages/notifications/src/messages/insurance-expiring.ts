import { formatDay } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("insuranceExpiring", {
  en: {
    employer: {
      subject: "Your certificate of insurance expires on {{day}}",
      body: "Your organization's certificate of insurance ({{carrier}}, policy {{policy}}) expires on {{day}}.",
      next: "Placements of students at your worksite need a current certificate. File the renewed certificate (and its PDF or image) on your insurance page.",
      action: "File it on your insurance page",
    },
    intermediary: {
      subject: "{{employer}}'s certificate of insurance expires on {{day}}",
      body: "{{employer}}'s certificate of insurance ({{carrier}}, policy {{policy}}) expires on {{day}}.",
      next: "Placements with this employer cannot start without a current certificate (or a rider or waiver). Record the renewed certificate when it arrives.",
      action: "Record it on the insurance page",
    },
  },
  es: {
    employer: {
      subject: "Su certificado de seguro vence el {{day}}",
      body: "El certificado de seguro de su organización ({{carrier}}, póliza {{policy}}) vence el {{day}}.",
      next: "Las prácticas de estudiantes en su lugar de trabajo necesitan un certificado vigente. Registre el certificado renovado (y su PDF o imagen) en su página de seguros.",
      action: "Registrarlo en su página de seguros",
    },
    intermediary: {
      subject: "El certificado de seguro de {{employer}} vence el {{day}}",
      body: "El certificado de seguro de {{employer}} ({{carrier}}, póliza {{policy}}) vence el {{day}}.",
      next: "Las prácticas con este empleador no pueden empezar sin un certificado vigente (o un anexo o una exención). Registre el certificado renovado cuando llegue.",
      action: "Registrarlo en la página de seguros",
    },
  },
});

interface Certificate {
  employer: string;
  carrier: string;
  policyNumber: string;
  /** YYYY-MM-DD. */
  expiresOn: string;
}

/** The employer's own contacts file the renewal on their insurance page; the region's intermediaries may record it there on the employer's behalf. */
export type InsuranceExpiringFacts = MessageBase &
  Certificate & { audience: "employer" | "intermediary"; insuranceLink: string };

/** A certificate of insurance expiring within 30 days. */
export async function insuranceExpiringMessage(f: InsuranceExpiringFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const values = {
    employer: f.employer,
    carrier: f.carrier,
    policy: f.policyNumber,
    day: formatDay(f.expiresOn, lang),
  };
  return mailTo(f.recipient, t(`${f.audience}.subject`, values), {
    paragraphs: [t(`${f.audience}.body`, values), t(`${f.audience}.next`)],
    action: { label: t(`${f.audience}.action`), url: f.insuranceLink },
  });
}
