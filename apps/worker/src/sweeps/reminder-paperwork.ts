import { dayOf, type DocumentKind, type SignerRole } from "@bridgework/domain";
import { type NewEmail, queueEmails } from "@bridgework/jobs";
import type { Tx } from "@bridgework/db";
import { sql } from "drizzle-orm";
import { formatDay, type Language, limitedName, renderMail } from "../lib/mail-text.ts";
import { DAY_MS, issueLinks, revokeOpenLinks } from "@bridgework/db";
import type { Sweep } from "../sweeps.ts";
import { groupBy, inBatches, lockPlacementsWithDocuments } from "./reminder-batches.ts";

/** A signer hears again this long after the link was first sent or last re-sent by a reminder. */
export const REMIND_EVERY_MS = 3 * DAY_MS;

export const DOCUMENT_TITLES: Record<Language, Record<DocumentKind, string>> = {
  en: {
    guardian_consent: "Parent or guardian consent",
    liability_waiver: "Acknowledgement of risk and release",
    worksite_agreement: "Worksite agreement",
    emergency_contact: "Emergency contact and medical authorization",
  },
  es: {
    guardian_consent: "Consentimiento del padre, madre o tutor",
    liability_waiver: "Reconocimiento de riesgos y exención de responsabilidad",
    worksite_agreement: "Acuerdo del lugar de trabajo",
    emergency_contact: "Contacto de emergencia y autorización médica",
  },
};

type Claimed = {
  id: string;
  placement_id: string;
  region_id: string;
  kind: DocumentKind;
  signer_role: SignerRole;
  signer_name: string;
  signer_email: string;
  language: Language;
  due_on: string;
  reminders_sent: number;
  first_name: string;
  last_name: string;
  opportunity_title: string;
  employer_name: string;
  district_name: string;
  start_date: string;
  end_date: string;
};

/**
 * Claims a batch of placements with a document due a reminder and, in the same transaction,
 * counts the reminder on each due document. The placement row is locked first, as every
 * placement action does (sign, resend, withdraw), so a sweep never deadlocks with them; SKIP
 * LOCKED lets a second sweep take other placements instead of waiting. The UPDATE repeats the
 * condition: a document another run reminded a moment ago no longer matches and is left out.
 */
async function claimDue(tx: Tx, now: Date, limit: number): Promise<{ locked: number; docs: Claimed[] }> {
  const due = sql`d.status = 'pending' AND d.due_on >= ${dayOf(now)}::date AND coalesce(d.last_reminded_at, d.created_at) <= ${new Date(now.getTime() - REMIND_EVERY_MS)}`;
  const locked = await lockPlacementsWithDocuments(tx, due, limit);
  if (locked.length === 0) return { locked: 0, docs: [] };
  const claimed = await tx.execute<Claimed>(sql`
    UPDATE documents d SET reminders_sent = d.reminders_sent + 1, last_reminded_at = ${now}, updated_at = ${now}
    FROM placements p
    JOIN students s ON s.id = p.student_id
    JOIN opportunities o ON o.id = p.opportunity_id
    JOIN organizations emp ON emp.id = p.employer_id
    JOIN organizations dist ON dist.id = p.district_id
    WHERE p.id = d.placement_id AND d.placement_id IN ${locked} AND ${due}
    RETURNING d.id, d.placement_id, d.region_id, d.kind, d.signer_role, d.signer_name, d.signer_email, d.language, d.due_on::text, d.reminders_sent,
      s.first_name, s.last_name, o.title AS opportunity_title, emp.name AS employer_name, dist.name AS district_name, p.start_date::text, p.end_date::text`);
  return { locked: locked.length, docs: claimed.rows };
}

function wording(doc: Claimed, expiresOn: string) {
  const supervisor = doc.signer_role === "supervisor";
  const student = supervisor ? limitedName(doc.first_name, doc.last_name) : `${doc.first_name} ${doc.last_name}`;
  if (doc.language === "es") {
    return {
      subject: `Recordatorio: documentos para firmar de la práctica de ${doc.first_name} con ${doc.employer_name}`,
      hello: `Hola, ${doc.signer_name}:`,
      paragraphs: [
        `${doc.district_name} todavía espera su firma para la práctica de aprendizaje en el trabajo de ${student}: "${doc.opportunity_title}" con ${doc.employer_name}, del ${formatDay(doc.start_date, "es")} al ${formatDay(doc.end_date, "es")}.`,
        `Por favor firme antes del ${formatDay(doc.due_on, "es")}. Por seguridad, el enlace anterior ya no funciona; use este nuevo enlace (funciona una sola vez y vence el ${formatDay(expiresOn, "es")}):`,
      ],
      footer: "Si tiene preguntas, comuníquese con la coordinación de aprendizaje en el trabajo de la escuela.",
    };
  }
  return {
    subject: supervisor ? `Reminder: worksite agreement to sign for ${student} at ${doc.employer_name}` : `Reminder: paperwork to sign for ${doc.first_name}'s placement with ${doc.employer_name}`,
    hello: `Hello ${doc.signer_name},`,
    paragraphs: [
      `${doc.district_name} is still waiting for your signature for ${student}'s work-based learning placement "${doc.opportunity_title}" with ${doc.employer_name}, ${formatDay(doc.start_date)} to ${formatDay(doc.end_date)}.`,
      `Please sign by ${formatDay(doc.due_on)}. For your security the earlier link no longer works; use this new one (it works once and expires on ${formatDay(expiresOn)}):`,
    ],
    footer: "Questions? Contact the school's work-based learning coordinator.",
  };
}

/**
 * Every 3 days after the sign request (or the last reminder) until the due date, each signer of
 * an unsigned document gets a reminder with a fresh link: only token hashes are stored, so the
 * old link is revoked and a new one issued. One email per signer and placement listing their
 * due documents; its key `doc:<first document id>:reminder:<n>` makes a repeat insert nothing.
 * Safe to run twice or on two workers at once (see claimDue). Returns how many emails it wrote.
 */
export function paperworkReminders({ publicUrl, batch = 200 }: { publicUrl: string; batch?: number }): Sweep {
  return ({ db, now }) =>
    inBatches(db, async (tx) => {
      const { locked, docs: claimed } = await claimDue(tx, now, batch);
      if (claimed.length === 0) return { more: locked > 0, written: 0 };
      await revokeOpenLinks(tx, { documentIds: claimed.map((d) => d.id) }, now);
      const links = await issueLinks(tx, "sign", claimed.map((d) => ({ placementId: d.placement_id, documentId: d.id })), now);
      const linkOf = new Map(claimed.map((d, i) => [d.id, links[i]!]));
      const emails: NewEmail[] = [];
      for (const docs of groupBy(claimed, (d) => `${d.placement_id} ${d.signer_email}`)) {
        docs.sort((a, b) => (a.id < b.id ? -1 : 1));
        const first = docs[0]!;
        const w = wording(first, dayOf(linkOf.get(first.id)!.expiresAt));
        const body = renderMail({
          hello: w.hello,
          paragraphs: w.paragraphs,
          links: docs.map((d) => ({ label: DOCUMENT_TITLES[first.language][d.kind], url: `${publicUrl}/sign/${linkOf.get(d.id)!.token}` })),
          footer: w.footer,
        });
        emails.push({ dedupeKey: `doc:${first.id}:reminder:${first.reminders_sent}`, regionId: first.region_id, to: first.signer_email, subject: w.subject, ...body });
      }
      return { more: locked > 0, written: await queueEmails(tx, emails) };
    });
}
