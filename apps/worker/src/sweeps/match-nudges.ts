import type { Db } from "@bridgework/db";
import { queueEmail } from "@bridgework/jobs";
import {
  createLinks,
  type Language,
  type Message,
  matchEscalationMessage,
  matchNudgeMessage,
} from "@bridgework/notifications";
import { utc } from "@date-fns/utc";
import { differenceInDays } from "date-fns";
import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

const DAY_MS = 24 * 3600_000;
/** An employer who has not answered an approved ask this long gets one reminder… */
export const NUDGE_AFTER_MS = 3 * DAY_MS;
/** …and after this long the district's coordinator hears of it, to phone or pick someone else. */
export const ESCALATE_AFTER_MS = 7 * DAY_MS;
/** Emails written per run; the next run picks up the rest. */
const BATCH = 500;

type Due = {
  match_id: string;
  region_id: string;
  kind: "nudge" | "escalate";
  user_id: string;
  email: string;
  name: string;
  language: Language;
  time_zone: string;
  title: string;
  employer_name: string;
  school_name: string;
  /** Text: drizzle leaves timestamps of raw statements unparsed. */
  approved_at: string;
  dedupe_key: string;
};

/**
 * Finds who is due a reminder about an approved match still unanswered: each employer contact
 * after 3 days (`match:<id>:nudge:<user>`), the district's coordinators after 7 days (the
 * region's intermediaries when the district has none; `match:<id>:escalate:<user>`). Rows that
 * already have their email are left out, so a run costs little once everything is sent.
 */
async function findDue(db: Db, now: Date): Promise<Due[]> {
  const nudgeBefore = new Date(now.getTime() - NUDGE_AFTER_MS);
  const escalateBefore = new Date(now.getTime() - ESCALATE_AFTER_MS);
  const result = await db.execute<Due>(sql`
    WITH waiting AS (
      SELECT m.id, m.region_id, m.employer_id, m.approved_at, r.district_id, o.title, emp.name AS employer_name, s.name AS school_name, rg.time_zone
      FROM matches m
      JOIN regions rg ON rg.id = m.region_id
      JOIN requests r ON r.id = m.request_id
      JOIN opportunities o ON o.id = m.opportunity_id
      JOIN organizations emp ON emp.id = m.employer_id
      JOIN organizations s ON s.id = r.school_id
      WHERE m.status = 'approved' AND m.approved_at <= ${nudgeBefore}
    ),
    due AS (
      SELECT w.*, 'nudge' AS kind, u.id AS user_id, u.email, u.name, u.language
      FROM waiting w JOIN users u ON u.organization_id = w.employer_id AND u.role = 'employer' AND u.status <> 'disabled'
      UNION ALL
      SELECT w.*, 'escalate' AS kind, u.id AS user_id, u.email, u.name, u.language
      FROM waiting w JOIN users u ON u.region_id = w.region_id AND u.status <> 'disabled' AND (
        (u.role = 'coordinator' AND u.organization_id = w.district_id)
        OR (u.role = 'intermediary' AND NOT EXISTS (
          SELECT 1 FROM users c WHERE c.organization_id = w.district_id AND c.role = 'coordinator' AND c.status <> 'disabled')))
      WHERE w.approved_at <= ${escalateBefore}
    )
    SELECT id AS match_id, region_id, kind, user_id, email, name, language, time_zone, title, employer_name, school_name, approved_at,
           'match:' || id || ':' || kind || ':' || user_id AS dedupe_key
    FROM due
    WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = 'match:' || due.id || ':' || due.kind || ':' || due.user_id)
    ORDER BY dedupe_key
    LIMIT ${BATCH}
  `);
  return result.rows;
}

/** In the recipient's language; the days are counted from the approval. */
function message(d: Due, publicUrl: string, now: Date): Promise<Message> {
  const base = { recipient: { name: d.name, email: d.email, language: d.language }, timeZone: d.time_zone };
  const link = createLinks(publicUrl).match(d.match_id);
  const daysWaiting = differenceInDays(now, new Date(d.approved_at), { in: utc });
  if (d.kind === "nudge")
    return matchNudgeMessage({ ...base, school: d.school_name, title: d.title, daysWaiting, link });
  return matchEscalationMessage({
    ...base,
    employer: d.employer_name,
    school: d.school_name,
    title: d.title,
    daysWaiting,
    link,
  });
}

/**
 * Reminders for approved matches the employer has not answered. Safe to run twice or on two
 * workers at once: every email's dedupe key is unique in PostgreSQL, the inserts go in key order
 * in one transaction, and a second run inserting the same key waits for the first to commit and
 * then inserts nothing (queueEmail's ON CONFLICT DO NOTHING). Returns how many emails it wrote.
 */
export function matchNudges({ publicUrl }: { publicUrl: string }): Sweep {
  return async ({ db, now }) => {
    const due = await findDue(db, now);
    if (due.length === 0) return 0;
    // Rendered before the transaction opens, so no row waits on React.
    const messages = await Promise.all(due.map((d) => message(d, publicUrl, now)));
    return db.transaction(async (tx) => {
      let written = 0;
      for (const [i, d] of due.entries()) {
        const id = await queueEmail(tx, {
          dedupeKey: d.dedupe_key,
          regionId: d.region_id,
          to: d.email,
          ...messages[i]!,
        });
        if (id) written++;
      }
      return written;
    });
  };
}
