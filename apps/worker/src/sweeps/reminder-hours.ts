import type { Tx } from "@bridgework/db";
import { type NewEmail, queueEmails } from "@bridgework/jobs";
import { sql } from "drizzle-orm";
import { dayOf, isoWeek } from "@bridgework/domain";
import { createLinks, hoursToApproveMessage, type Language, limitedName } from "@bridgework/notifications";
import { DAY_MS, issueLinks, LINK_TTL_MS, revokeOpenLinks } from "@bridgework/db";
import type { Sweep } from "../sweeps.ts";
import { inBatches } from "./reminder-batches.ts";

/**
 * A supervisor who got an approval link this recently (hours were just logged) is not sent
 * another one yet: the reminder would revoke a link they may be about to open.
 */
export const FRESH_LINK_MS = 2 * DAY_MS;

type Claimed = {
  id: string;
  region_id: string;
  supervisor_name: string;
  supervisor_email: string;
  supervisor_language: Language;
  time_zone: string;
  first_name: string;
  last_name: string;
  title: string;
  employer_name: string;
  pending: number;
  total_hours: number;
  oldest: string;
};

/**
 * Locks active placements with hours waiting for approval that have had no reminder this ISO
 * week (and no approval link issued in the last 2 days), and records the reminder on the
 * placement (`last_hours_reminder_on`). The lock and the re-checked condition make one run the
 * only one to claim a placement for the week; SKIP LOCKED lets another run take other rows.
 */
async function claimDue(tx: Tx, now: Date, limit: number): Promise<{ locked: number; rows: Claimed[] }> {
  const today = dayOf(now);
  // A link's expiry is its issue time + TTL (by the same clock), so "issued recently" needs no other column.
  const freshIfExpiresAfter = new Date(now.getTime() + LINK_TTL_MS.hours - FRESH_LINK_MS);
  const due = sql`p.status = 'active'
    AND (p.last_hours_reminder_on IS NULL OR p.last_hours_reminder_on < ${isoWeek(today).monday}::date)
    AND EXISTS (SELECT 1 FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'pending')
    AND NOT EXISTS (SELECT 1 FROM one_time_links l WHERE l.placement_id = p.id AND l.purpose = 'hours'
      AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > ${freshIfExpiresAfter})`;
  const locked = await tx.execute<{ id: string }>(
    sql`SELECT p.id FROM placements p WHERE ${due} ORDER BY p.id LIMIT ${limit} FOR UPDATE OF p SKIP LOCKED`,
  );
  if (locked.rows.length === 0) return { locked: 0, rows: [] };
  const claimed = await tx.execute<Claimed>(sql`
    UPDATE placements p SET last_hours_reminder_on = ${today}::date, updated_at = ${now}
    FROM students s, opportunities o, organizations emp, regions rg
    WHERE s.id = p.student_id AND o.id = p.opportunity_id AND emp.id = p.employer_id AND rg.id = p.region_id AND p.id IN ${locked.rows.map((r) => r.id)} AND ${due}
    RETURNING p.id, p.region_id, p.supervisor_name, p.supervisor_email, p.supervisor_language, rg.time_zone, s.first_name, s.last_name, o.title, emp.name AS employer_name,
      (SELECT count(*)::int FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'pending') AS pending,
      (SELECT sum(h.hours)::float8 FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'pending') AS total_hours,
      (SELECT min(h.date)::text FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'pending') AS oldest`);
  return { locked: locked.rows.length, rows: claimed.rows };
}

/**
 * Once per ISO week, the worksite supervisor of an active placement with hours waiting for
 * approval gets the approval link. Only token hashes are kept, so the open link is revoked and
 * a new one issued (as logging hours does). Key: `placement:<id>:hours-week:<YYYY-Www>`.
 * Safe to run twice or on two workers at once. Returns how many emails it wrote.
 */
export function weeklyHoursReminders({ publicUrl, batch = 200 }: { publicUrl: string; batch?: number }): Sweep {
  return ({ db, now }) =>
    inBatches(db, async (tx) => {
      const { locked, rows } = await claimDue(tx, now, batch);
      if (rows.length === 0) return { more: locked > 0, written: 0 };
      await revokeOpenLinks(tx, { placementIds: rows.map((r) => r.id), purpose: "hours" }, now);
      const links = await issueLinks(
        tx,
        "hours",
        rows.map((r) => ({ placementId: r.id })),
        now,
      );
      const week = isoWeek(dayOf(now)).week;
      const hoursLink = createLinks(publicUrl).hours;
      const emails: NewEmail[] = await Promise.all(
        rows.map(async (r, i) => {
          const message = await hoursToApproveMessage({
            recipient: { name: r.supervisor_name, email: r.supervisor_email, language: r.supervisor_language },
            timeZone: r.time_zone,
            student: limitedName(r.first_name, r.last_name),
            employer: r.employer_name,
            title: r.title,
            totalHours: r.total_hours,
            entries: r.pending,
            oldest: r.oldest,
            link: hoursLink(links[i]!.token),
          });
          return {
            dedupeKey: `placement:${r.id}:hours-week:${week}`,
            regionId: r.region_id,
            to: r.supervisor_email,
            ...message,
          };
        }),
      );
      return { more: locked > 0, written: await queueEmails(tx, emails) };
    });
}
