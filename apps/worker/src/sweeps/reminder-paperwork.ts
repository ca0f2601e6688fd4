import {
  dayOf,
  DOCUMENT_KINDS,
  type DocumentKind,
  type GuardianLanguage,
  LABELS,
  type SignerRole,
} from "@bridgework/domain";
import { type NewEmail, queueEmails } from "@bridgework/jobs";
import type { Tx } from "@bridgework/db";
import { createLinks, signRequestMessage } from "@bridgework/notifications";
import { sql } from "drizzle-orm";
import { DAY_MS, issueLinks, revokeOpenLinks } from "@bridgework/db";
import type { Sweep } from "../sweeps.ts";
import { groupBy, inBatches, lockPlacementsWithDocuments } from "./reminder-batches.ts";

/** A signer hears again this long after the link was first sent or last re-sent by a reminder. */
export const REMIND_EVERY_MS = 3 * DAY_MS;

/** Paperwork titles per language (the domain's labels; the escalation sweep reads them too). */
export const DOCUMENT_TITLES: Record<GuardianLanguage, Record<DocumentKind, string>> = {
  en: LABELS.en.documents,
  es: LABELS.es.documents,
};

type Claimed = {
  id: string;
  placement_id: string;
  region_id: string;
  kind: DocumentKind;
  signer_role: SignerRole;
  signer_name: string;
  signer_email: string;
  /** What the signer reads: the family's language, or the supervisor language chosen on the placement. */
  reader_language: GuardianLanguage;
  time_zone: string;
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
    JOIN regions r ON r.id = p.region_id
    WHERE p.id = d.placement_id AND d.placement_id IN ${locked} AND ${due}
    RETURNING d.id, d.placement_id, d.region_id, d.kind, d.signer_role, d.signer_name, d.signer_email, d.due_on::text,
      CASE WHEN d.signer_role = 'supervisor' THEN p.supervisor_language ELSE s.guardian_language END AS reader_language, r.time_zone, d.reminders_sent,
      s.first_name, s.last_name, o.title AS opportunity_title, emp.name AS employer_name, dist.name AS district_name, p.start_date::text, p.end_date::text`);
  return { locked: locked.length, docs: claimed.rows };
}

/**
 * Every 3 days after the sign request (or the last reminder) until the due date, each signer of
 * an unsigned document gets a reminder with a fresh link: only token hashes are stored, so the
 * old links are revoked and a new packet link issued. One email per signer and placement listing
 * their due documents behind that one link, in the signer's language and the region's zone; its key `doc:<first document id>:reminder:<n>` makes a repeat insert nothing.
 * Safe to run twice or on two workers at once (see claimDue). Returns how many emails it wrote.
 */
export function paperworkReminders({ publicUrl, batch = 200 }: { publicUrl: string; batch?: number }): Sweep {
  return ({ db, now }) =>
    inBatches(db, async (tx) => {
      const { locked, docs: claimed } = await claimDue(tx, now, batch);
      if (claimed.length === 0) return { more: locked > 0, written: 0 };
      // One packet per signer and placement: their earlier links (packet or single) stop working.
      const signers = groupBy(claimed, (d) => `${d.placement_id} ${d.signer_role}`);
      const targets = signers.map((docs) => ({ placementId: docs[0]!.placement_id, signerRole: docs[0]!.signer_role }));
      await revokeOpenLinks(tx, { signers: targets }, now);
      const links = await issueLinks(tx, "sign", targets, now);
      const emails: NewEmail[] = [];
      for (const [i, docs] of signers.entries()) {
        const link = links[i]!;
        const first = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
        docs.sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind));
        const message = await signRequestMessage({
          recipient: { name: first.signer_name, email: first.signer_email, language: first.reader_language },
          timeZone: first.time_zone,
          variant: "reminder",
          signerRole: first.signer_role,
          student: { firstName: first.first_name, lastName: first.last_name },
          district: first.district_name,
          opportunityTitle: first.opportunity_title,
          employer: first.employer_name,
          startDate: first.start_date,
          endDate: first.end_date,
          documents: docs.map((d) => d.kind),
          dueOn: docs.reduce((soonest, d) => (d.due_on < soonest ? d.due_on : soonest), first.due_on),
          link: createLinks(publicUrl).sign(link.token),
          expiresAt: link.expiresAt,
        });
        emails.push({
          dedupeKey: `doc:${first.id}:reminder:${first.reminders_sent}`,
          regionId: first.region_id,
          to: first.signer_email,
          ...message,
        });
      }
      return { more: locked > 0, written: await queueEmails(tx, emails) };
    });
}
