import { shiftHours } from "@bridgework/domain";
import { queueEmails } from "@bridgework/jobs";
import { eventThanksMessage, type Language } from "@bridgework/notifications";
import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

/** Events held this long ago or less are thanked (a sweep missed for days still catches up). */
export const EVENT_THANKS_WITHIN_DAYS = 30;

type Given = {
  event_id: string;
  region_id: string;
  title: string;
  day: string;
  time_zone: string;
  organization_id: string | null;
  employer_name: string | null;
  volunteer_email: string;
  volunteer_name: string;
  volunteer_language: Language;
  starts_at: Date | string;
  ends_at: Date | string;
};
type Contact = { organization_id: string; name: string; email: string; language: Language };

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

interface Thanks {
  key: string;
  regionId: string;
  event: Given;
  recipient: { name: string; email: string; language: Language };
  employer: { name: string; volunteers: number } | null;
  hours: number;
}

/**
 * Thank-you emails after a multi-employer event is held (held_at set, by the database when the
 * status becomes held): each employer's contacts get one with the hours its volunteers gave
 * (sum of shiftHours of the counted volunteers, event_counted_volunteers: checked in, or all
 * confirmed when nobody was checked in); a volunteer whose company has no account (or is not on
 * Bridgework) gets one with their own hours. One per event and address
 * (`event:<event>:thanks:<email>`), so a repeat or concurrent run, or a contact who also
 * volunteered, adds nothing. Returns how many it wrote.
 */
export const eventThanks: Sweep = async ({ db, now }) => {
  const since = new Date(now.getTime() - EVENT_THANKS_WITHIN_DAYS * 86_400_000);
  const given = await db.execute<Given>(sql`
    SELECT e.id AS event_id, e.region_id, e.title, to_char(e.starts_at AT TIME ZONE rg.time_zone, 'YYYY-MM-DD') AS day, rg.time_zone,
      v.organization_id, o.name AS employer_name, v.email AS volunteer_email, v.name AS volunteer_name, v.language AS volunteer_language,
      r.starts_at, r.ends_at
    FROM events e
    JOIN regions rg ON rg.id = e.region_id
    CROSS JOIN LATERAL event_counted_volunteers(e.id) v
    JOIN event_roles r ON r.id = v.role_id
    LEFT JOIN organizations o ON o.id = v.organization_id
    WHERE e.held_at IS NOT NULL AND e.held_at >= ${since} AND e.held_at <= ${now} AND e.status IN ('held', 'archived')
    ORDER BY e.id, v.created_at, v.id`);
  if (given.rows.length === 0) return 0;
  const orgIds = [...new Set(given.rows.flatMap((g) => (g.organization_id ? [g.organization_id] : [])))];
  const contacts = orgIds.length
    ? await db.execute<Contact>(sql`
        SELECT u.organization_id, u.name, u.email, u.language FROM users u
        WHERE u.organization_id = ANY(${sql.param(orgIds)}::uuid[]) AND u.role = 'employer' AND u.status <> 'disabled'`)
    : { rows: [] };
  const contactsOf = groupBy(contacts.rows, (c) => c.organization_id);

  // First come first kept: one email per event and address.
  const thanks = new Map<string, Thanks>();
  const keep = (t: Omit<Thanks, "key">) => {
    const key = `event:${t.event.event_id}:thanks:${t.recipient.email.toLowerCase()}`;
    if (!thanks.has(key)) thanks.set(key, { key, ...t });
  };
  const hoursOf = (rows: Given[]) =>
    rows.reduce((sum, g) => sum + shiftHours(new Date(g.starts_at), new Date(g.ends_at)), 0);
  for (const rows of groupBy(given.rows, (g) => `${g.event_id}:${g.organization_id ?? ""}`).values()) {
    const first = rows[0]!;
    const people = first.organization_id ? (contactsOf.get(first.organization_id) ?? []) : [];
    if (people.length > 0) {
      const employer = {
        name: first.employer_name ?? "",
        volunteers: new Set(rows.map((g) => g.volunteer_email)).size,
      };
      for (const c of people) {
        keep({ regionId: first.region_id, event: first, recipient: c, employer, hours: hoursOf(rows) });
      }
    } else {
      // No account to write to: each volunteer is thanked for their own shifts.
      for (const own of groupBy(rows, (g) => g.volunteer_email).values()) {
        const v = own[0]!;
        const recipient = { name: v.volunteer_name, email: v.volunteer_email, language: v.volunteer_language };
        keep({ regionId: v.region_id, event: v, recipient, employer: null, hours: hoursOf(own) });
      }
    }
  }
  const fresh = await db.execute<{ key: string }>(sql`
    SELECT k AS key FROM unnest(${sql.param([...thanks.keys()])}::text[]) AS k
    WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = k)`);
  const emails = await Promise.all(
    fresh.rows.map(async ({ key }) => {
      const t = thanks.get(key)!;
      const message = await eventThanksMessage({
        recipient: t.recipient,
        timeZone: t.event.time_zone,
        event: t.event.title,
        day: t.event.day,
        employer: t.employer,
        hours: t.hours,
      });
      return { dedupeKey: t.key, regionId: t.regionId, to: t.recipient.email, ...message };
    }),
  );
  return db.transaction((tx) => queueEmails(tx, emails));
};
