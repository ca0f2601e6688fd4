import type { Tx } from "@bridgework/db";
import type { GuardianLanguage, SignerRole } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { escapeHtml } from "../users/invite-user.ts";
import { limitedName, type PlacementFacts } from "../placements/placement-facts.ts";
import { formatDate } from "../templates/render-template.ts";

export interface SignRequest {
  dedupeKey: string;
  to: string;
  name: string;
  role: SignerRole;
  language: GuardianLanguage;
  expiresOn: string;
  documents: { title: string; link: string }[];
}

interface Wording {
  subject: string;
  intro: string;
  ask: string;
  how: string;
  footer: string;
}

function wording(facts: PlacementFacts, request: SignRequest): Wording {
  const p = facts.placement;
  const many = request.documents.length > 1;
  if (request.language === "es") {
    const student = `${facts.student.firstName} ${facts.student.lastName}`;
    return {
      subject: `Documentos para firmar: práctica de ${facts.student.firstName} con ${facts.employerName}`,
      intro: `${facts.districtName} organizó una práctica de aprendizaje en el trabajo para ${student}: "${facts.opportunityTitle}" con ${facts.employerName}, del ${formatDate(p.startDate, "es")} al ${formatDate(p.endDate, "es")}.`,
      ask: many
        ? `Por favor lea y firme estos documentos. Cada enlace funciona una sola vez y vence el ${formatDate(request.expiresOn, "es")}:`
        : `Por favor lea y firme este documento. El enlace funciona una sola vez y vence el ${formatDate(request.expiresOn, "es")}:`,
      how: "Firmar toma un minuto: abra el enlace, lea el documento y escriba su nombre completo.",
      footer: "Si tiene preguntas, comuníquese con la coordinación de aprendizaje en el trabajo de la escuela. Si no esperaba este correo, puede ignorarlo.",
    };
  }
  const supervisor = request.role === "supervisor";
  const student = supervisor ? limitedName(facts) : `${facts.student.firstName} ${facts.student.lastName}`;
  return {
    subject: supervisor
      ? `Worksite agreement to sign: ${student} at ${facts.employerName}`
      : `Paperwork to sign: ${facts.student.firstName}'s placement with ${facts.employerName}`,
    intro: `${facts.districtName} has arranged a work-based learning placement for ${student}: "${facts.opportunityTitle}" with ${facts.employerName}, ${formatDate(p.startDate, "en")} to ${formatDate(p.endDate, "en")}.`,
    ask: many
      ? `Please read and sign the following. Each link works once and expires on ${formatDate(request.expiresOn, "en")}:`
      : `Please read and sign the following. The link works once and expires on ${formatDate(request.expiresOn, "en")}:`,
    how: "Signing takes a minute: open the link, read the document and type your full name.",
    footer: "Questions? Contact the school's work-based learning coordinator. If you were not expecting this email, you can ignore it.",
  };
}

/** One email to one signer with a one-time link per document they must sign, in their language. */
export async function queueSignRequestEmail(tx: Tx, facts: PlacementFacts, request: SignRequest): Promise<void> {
  const w = wording(facts, request);
  const hello = request.language === "es" ? `Hola, ${request.name}:` : `Hello ${request.name},`;
  await queueEmail(tx, {
    dedupeKey: request.dedupeKey,
    regionId: facts.placement.regionId,
    to: request.to,
    subject: w.subject,
    text: [hello, "", w.intro, "", w.ask, ...request.documents.map((d) => `- ${d.title}: ${d.link}`), "", w.how, "", w.footer].join("\n"),
    html: [
      `<p>${escapeHtml(hello)}</p>`,
      `<p>${escapeHtml(w.intro)}</p>`,
      `<p>${escapeHtml(w.ask)}</p>`,
      `<ul>${request.documents.map((d) => `<li><a href="${d.link}">${escapeHtml(d.title)}</a></li>`).join("")}</ul>`,
      `<p>${escapeHtml(w.how)}</p>`,
      `<p>${escapeHtml(w.footer)}</p>`,
    ].join(""),
  });
}
