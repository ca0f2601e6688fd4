import { queueEmails } from "@bridgework/jobs";
import { sql } from "drizzle-orm";
import { addDays, dayOf } from "@bridgework/domain";
import { createLinks, insuranceExpiringMessage, type Language } from "@bridgework/notifications";
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
  language: Language;
  time_zone: string;
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
      -- Intermediaries are few (a handful per region): read once, not looked up per certificate.
      -- (One join of people on region with an OR compared every certificate with every person of
      -- the region: 10,000 employers made 100 million pairs, past the statement timeout.)
      intermediaries AS MATERIALIZED (
        SELECT id, region_id, role, name, email, language FROM users WHERE role = 'intermediary' AND status <> 'disabled'
      ),
      people AS (
        SELECT l.id AS certificate_id, l.region_id, l.employer_id, emp.name AS employer_name, l.carrier, l.policy_number, l.expires_on::text,
               u.id AS user_id, u.role, u.name, u.email, u.language, rg.time_zone, 'insurance:' || l.id || ':expiring:' || u.id AS key
        FROM latest l
        JOIN organizations emp ON emp.id = l.employer_id
        JOIN regions rg ON rg.id = l.region_id
        CROSS JOIN LATERAL (
          SELECT e.id, e.role, e.name, e.email, e.language FROM users e
          WHERE e.organization_id = l.employer_id AND e.role = 'employer' AND e.status <> 'disabled'
          UNION ALL
          SELECT i.id, i.role, i.name, i.email, i.language FROM intermediaries i WHERE i.region_id = l.region_id
        ) u
        WHERE l.expires_on >= ${today}::date AND l.expires_on <= ${addDays(today, INSURANCE_NOTICE_DAYS)}::date
      )
      SELECT * FROM people WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = people.key)
      ORDER BY key LIMIT ${LIMIT}`);
    const insuranceLink = createLinks(publicUrl).insurance();
    const emails = await Promise.all(
      due.rows.map(async (d) => {
        const certificate = {
          employer: d.employer_name,
          carrier: d.carrier,
          policyNumber: d.policy_number,
          expiresOn: d.expires_on,
        };
        const base = {
          recipient: { name: d.name, email: d.email, language: d.language },
          timeZone: d.time_zone,
          ...certificate,
        };
        // Both get the insurance page: the employer files the renewal there, an intermediary may record it on the employer's behalf.
        const message = await insuranceExpiringMessage({
          ...base,
          audience: d.role === "employer" ? "employer" : "intermediary",
          insuranceLink,
        });
        return { dedupeKey: d.key, regionId: d.region_id, to: d.email, ...message };
      }),
    );
    return db.transaction((tx) => queueEmails(tx, emails));
  };
}
