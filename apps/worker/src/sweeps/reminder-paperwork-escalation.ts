import type { Tx } from "@bridgework/db";
import { dayStartedEverywhere, type DocumentKind, type SignerRole } from "@bridgework/domain";
import { type NewEmail, queueEmails } from "@bridgework/jobs";
import { createLinks, type Language, paperworkOverdueMessage } from "@bridgework/notifications";
import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";
import { groupBy, inBatches, lockPlacementsWithDocuments } from "./reminder-batches.ts";

type Overdue = {
  id: string;
  placement_id: string;
  region_id: string;
  kind: DocumentKind;
  signer_role: SignerRole;
  due_on: string;
  reminders_sent: number;
  first_name: string;
  last_name: string;
  opportunity_title: string;
  employer_name: string;
  school_name: string;
  time_zone: string;
};

type Recipient = { placement_id: string; user_id: string; email: string; name: string; language: Language };

/**
 * Locks placements with an unsigned document past its due date not yet escalated, then marks
 * those documents escalated (the UPDATE re-checks `escalated_at IS NULL`, so a document is
 * escalated by one run only). Placement first, as every placement action locks.
 */
async function claimOverdue(tx: Tx, now: Date, limit: number): Promise<{ locked: number; docs: Overdue[] }> {
  const overdue = sql`d.status = 'pending' AND d.escalated_at IS NULL AND d.due_on < ${dayStartedEverywhere(now)}::date`;
  const locked = await lockPlacementsWithDocuments(tx, overdue, limit);
  if (locked.length === 0) return { locked: 0, docs: [] };
  const docs = await tx.execute<Overdue>(sql`
    UPDATE documents d SET escalated_at = ${now}, updated_at = ${now}
    FROM placements p
    JOIN students s ON s.id = p.student_id
    JOIN opportunities o ON o.id = p.opportunity_id
    JOIN organizations emp ON emp.id = p.employer_id
    JOIN organizations sch ON sch.id = p.school_id
    JOIN regions rg ON rg.id = p.region_id
    WHERE p.id = d.placement_id AND d.placement_id IN ${locked} AND ${overdue}
    RETURNING d.id, d.placement_id, d.region_id, d.kind, d.signer_role, d.due_on::text, d.reminders_sent,
      s.first_name, s.last_name, o.title AS opportunity_title, emp.name AS employer_name, sch.name AS school_name, rg.time_zone`);
  return { locked: locked.length, docs: docs.rows };
}

/** The district's coordinators; the region's intermediaries when the district has none who can get email. */
async function coordinatorsOf(tx: Tx, placementIds: string[]): Promise<Recipient[]> {
  const result = await tx.execute<Recipient>(sql`
    SELECT p.id AS placement_id, u.id AS user_id, u.email, u.name, u.language
    FROM placements p
    JOIN users u ON u.region_id = p.region_id AND u.status <> 'disabled' AND (
      (u.role = 'coordinator' AND u.organization_id = p.district_id)
      OR (u.role = 'intermediary' AND NOT EXISTS (
        SELECT 1 FROM users c WHERE c.organization_id = p.district_id AND c.role = 'coordinator' AND c.status <> 'disabled')))
    WHERE p.id IN ${placementIds}`);
  return result.rows;
}

/**
 * Once a document's due date has passed unsigned, the district's coordinators hear of it once:
 * one email per placement listing what is missing, keyed `doc:<first document id>:escalate:<user>`,
 * and each escalated document gets `escalated_at`. Reminders to the signer stop at the due date.
 * Safe to run twice or on two workers at once. Returns how many emails it wrote.
 */
export function paperworkEscalations({ publicUrl, batch = 200 }: { publicUrl: string; batch?: number }): Sweep {
  return ({ db, now }) =>
    inBatches(db, async (tx) => {
      const { locked, docs } = await claimOverdue(tx, now, batch);
      if (docs.length === 0) return { more: locked > 0, written: 0 };
      const byPlacement = new Map(
        groupBy(docs, (d) => d.placement_id).map((g) => [g[0]!.placement_id, g.sort((a, b) => (a.id < b.id ? -1 : 1))]),
      );
      const links = createLinks(publicUrl);
      const recipients = await coordinatorsOf(tx, [...byPlacement.keys()]);
      const emails: NewEmail[] = await Promise.all(
        recipients.map(async (r) => {
          const overdue = byPlacement.get(r.placement_id)!;
          const d = overdue[0]!;
          const message = await paperworkOverdueMessage({
            recipient: { name: r.name, email: r.email, language: r.language },
            timeZone: d.time_zone,
            student: `${d.first_name} ${d.last_name}`,
            title: d.opportunity_title,
            employer: d.employer_name,
            school: d.school_name,
            dueOn: d.due_on,
            documents: overdue.map((o) => ({
              kind: o.kind,
              signerRole: o.signer_role,
              remindersSent: o.reminders_sent,
            })),
            link: links.placement(d.placement_id),
          });
          return { dedupeKey: `doc:${d.id}:escalate:${r.user_id}`, regionId: d.region_id, to: r.email, ...message };
        }),
      );
      return { more: locked > 0, written: await queueEmails(tx, emails) };
    });
}
