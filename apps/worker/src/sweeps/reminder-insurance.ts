import { queueEmails } from "@bridgework/jobs";
import { sql } from "drizzle-orm";
import { addDays, dayOf } from "@bridgework/domain";
import { formatDay, renderMail } from "../lib/mail-text.ts";
import type { Sweep } from "../sweeps.ts";

/** A certificate expiring this many days ahead (or sooner) is worth a reminder. */
export const INSURANCE_NOTICE_DAYS = 30;
const LIMIT = 1000;

type Due = {
  certificate_id: string;
  region_id: string;
  employer_id: string;
  employer_name: string;
  carrier: string;
  policy_number: string;
  expires_on: string;
  user_id: string;
  role: "employer" | "intermediary";
  name: string;
  email: string;
  key: string;
};

/**
 * Each employer's latest certificate (the newest record wins, as on the insurance page) that
 * expires within 30 days and has not expired: its employer's contacts and the region's
 * intermediaries get one email each per certificate (`insurance:<certificate>:expiring:<user>`).
 * A newly recorded certificate replaces the old one and, if it expires soon too, is reminded of
 * once more. Keys in PostgreSQL make a repeat or concurrent run insert nothing. Returns how many it wrote.
 */
export function insuranceReminders({ publicUrl }: { publicUrl: string }): Sweep {
  return async ({ db, now }) => {
    const today = dayOf(now);
    const due = await db.execute<Due>(sql`
      WITH latest AS (
        SELECT DISTINCT ON (c.employer_id) c.id, c.region_id, c.employer_id, c.carrier, c.policy_number, c.expires_on
        FROM insurance_certificates c
        ORDER BY c.employer_id, c.created_at DESC, c.id DESC
      ),
      people AS (
        SELECT l.id AS certificate_id, l.region_id, l.employer_id, emp.name AS employer_name, l.carrier, l.policy_number, l.expires_on::text,
               u.id AS user_id, u.role, u.name, u.email, 'insurance:' || l.id || ':expiring:' || u.id AS key
        FROM latest l
        JOIN organizations emp ON emp.id = l.employer_id
        JOIN users u ON u.region_id = l.region_id AND u.status <> 'disabled'
          AND ((u.role = 'employer' AND u.organization_id = l.employer_id) OR u.role = 'intermediary')
        WHERE l.expires_on >= ${today}::date AND l.expires_on <= ${addDays(today, INSURANCE_NOTICE_DAYS)}::date
      )
      SELECT * FROM people WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = people.key)
      ORDER BY key LIMIT ${LIMIT}`);
    const emails = due.rows.map((d) => {
      const forEmployer = d.role === "employer";
      return {
        dedupeKey: d.key,
        regionId: d.region_id,
        to: d.email,
        subject: forEmployer ? `Your certificate of insurance expires on ${formatDay(d.expires_on)}` : `${d.employer_name}'s certificate of insurance expires on ${formatDay(d.expires_on)}`,
        ...renderMail({
          hello: `Hello ${d.name},`,
          paragraphs: [
            `${forEmployer ? "Your organization's" : `${d.employer_name}'s`} certificate of insurance (${d.carrier}, policy ${d.policy_number}) expires on ${formatDay(d.expires_on)}.`,
            forEmployer
              ? "Placements of students at your worksite need a current certificate. Please send the renewed certificate to the region's work-based learning team."
              : "Placements with this employer cannot start without a current certificate (or a rider or waiver). Record the renewed certificate when it arrives.",
          ],
          links: forEmployer ? [] : [{ label: `${d.employer_name} in Bridgework`, url: `${publicUrl}/organizations/${d.employer_id}` }],
        }),
      };
    });
    return db.transaction((tx) => queueEmails(tx, emails));
  };
}
