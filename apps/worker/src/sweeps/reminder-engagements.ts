import type { Db } from "@bridgework/db";
import { addDays, dayOf, type Kind } from "@bridgework/domain";
import { type NewEmail, queueEmails } from "@bridgework/jobs";
import {
  createLinks,
  engagementTomorrowMessage,
  type Language,
  limitedName,
  placementStartsMessage,
} from "@bridgework/notifications";
import { sql } from "drizzle-orm";
import { DAY_MS } from "@bridgework/db";
import type { Sweep } from "../sweeps.ts";
import { groupBy } from "./reminder-batches.ts";

/** Engagements and placements looked at per run; the next run takes the rest (sent ones drop out). */
const LIMIT = 500;

type Row = {
  id: string;
  region_id: string;
  /** Recipient: a user id, or "supervisor" for a placement's worksite supervisor (no account). */
  who: string;
  name: string;
  email: string;
  language: Language;
  time_zone: string;
  /** This person's dedupe key for this due moment, and whether its email exists already. */
  key: string;
  sent: boolean;
};

type MatchRow = Row & {
  scheduled_ms: number;
  ics_sequence: number;
  kind: Kind;
  students: number;
  title: string;
  city: string | null;
  modality: string;
  starts_ms: number | null;
  ends_ms: number | null;
  employer_name: string;
  school_name: string;
};

type PlacementRow = Row & {
  start_date: string;
  first_name: string;
  last_name: string;
  title: string;
  city: string | null;
  employer_name: string;
  school_name: string;
};

/**
 * Scheduled matches starting within the next 24 hours, with the teacher who asked and the
 * employer's contacts; `sent` says whether that person's reminder exists already. Only
 * engagements with someone still to tell are returned, so a run costs little once all are sent.
 */
async function matchesTomorrow(db: Db, now: Date): Promise<MatchRow[]> {
  const result = await db.execute<MatchRow>(sql`
    WITH soon AS (
      SELECT m.id, m.region_id, m.employer_id, m.scheduled_at, m.ics_sequence, r.created_by, r.kind, r.students,
             floor(extract(epoch FROM m.scheduled_at) * 1000)::float8 AS scheduled_ms,
             floor(extract(epoch FROM o.starts_at) * 1000)::float8 AS starts_ms, floor(extract(epoch FROM o.ends_at) * 1000)::float8 AS ends_ms,
             o.title, o.city, o.modality, emp.name AS employer_name, s.name AS school_name, rg.time_zone
      FROM matches m
      JOIN regions rg ON rg.id = m.region_id
      JOIN requests r ON r.id = m.request_id
      JOIN opportunities o ON o.id = m.opportunity_id
      JOIN organizations emp ON emp.id = m.employer_id
      JOIN organizations s ON s.id = r.school_id
      WHERE m.status = 'scheduled' AND m.scheduled_at > ${now} AND m.scheduled_at <= ${new Date(now.getTime() + DAY_MS)}
    ),
    people AS (
      SELECT soon.*, u.id::text AS who, u.name, u.email, u.language, 'match:' || soon.id || ':tomorrow:' || soon.scheduled_ms::bigint || ':' || u.id AS key
      FROM soon JOIN users u ON u.status <> 'disabled' AND (u.id = soon.created_by OR (u.role = 'employer' AND u.organization_id = soon.employer_id))
    ),
    keyed AS (SELECT people.*, EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = people.key) AS sent FROM people)
    SELECT id, region_id, who, name, email, language, time_zone, key, sent, scheduled_ms, ics_sequence, kind, students, title, city, modality, starts_ms, ends_ms, employer_name, school_name
    FROM keyed WHERE id IN (SELECT id FROM keyed WHERE NOT sent ORDER BY scheduled_at, id LIMIT ${LIMIT})
    ORDER BY id, email`);
  return result.rows;
}

/** Placements (ready or active) whose first day is tomorrow: the supervisor, the employer's contacts and whoever arranged it. */
async function placementsTomorrow(db: Db, now: Date): Promise<PlacementRow[]> {
  const tomorrow = addDays(dayOf(now), 1);
  const result = await db.execute<PlacementRow>(sql`
    WITH starting AS (
      SELECT p.id, p.region_id, p.employer_id, p.created_by, p.start_date::text, p.supervisor_name, p.supervisor_email, p.supervisor_language,
             st.first_name, st.last_name, o.title, o.city, emp.name AS employer_name, s.name AS school_name, rg.time_zone
      FROM placements p
      JOIN regions rg ON rg.id = p.region_id
      JOIN students st ON st.id = p.student_id
      JOIN opportunities o ON o.id = p.opportunity_id
      JOIN organizations emp ON emp.id = p.employer_id
      JOIN organizations s ON s.id = p.school_id
      WHERE p.status IN ('ready', 'active') AND p.start_date = ${tomorrow}::date
    ),
    people AS (
      SELECT starting.*, 'supervisor' AS who, supervisor_name AS name, supervisor_email AS email, supervisor_language AS language FROM starting
      UNION ALL
      SELECT starting.*, u.id::text, u.name, u.email, u.language
      FROM starting JOIN users u ON u.status <> 'disabled' AND (u.id = starting.created_by OR (u.role = 'employer' AND u.organization_id = starting.employer_id))
      WHERE lower(u.email) <> lower(starting.supervisor_email)
    ),
    keyed AS (
      SELECT people.*, 'placement:' || people.id || ':starts:' || people.start_date || ':' || people.who AS key FROM people
    ),
    checked AS (SELECT keyed.*, EXISTS (SELECT 1 FROM emails e WHERE e.dedupe_key = keyed.key) AS sent FROM keyed)
    SELECT id, region_id, who, name, email, language, time_zone, key, sent, start_date, first_name, last_name, title, city, employer_name, school_name
    FROM checked WHERE id IN (SELECT id FROM checked WHERE NOT sent ORDER BY id LIMIT ${LIMIT})
    ORDER BY id, email`);
  return result.rows;
}

const recipientOf = (r: Row) => ({ name: r.name, email: r.email, language: r.language });

/** Each person still to tell gets the reminder in their language, with the invite the schedule email carried (same UID and SEQUENCE). */
function matchEmails(rows: MatchRow[], publicUrl: string, now: Date): Promise<NewEmail[]> {
  const links = createLinks(publicUrl);
  const emails = groupBy(rows, (r) => r.id).flatMap((people) => {
    const m = people[0]!;
    const attendees = people.map((p) => ({ name: p.name, email: p.email }));
    return people
      .filter((p) => !p.sent)
      .map(async (p) => ({
        dedupeKey: p.key,
        regionId: m.region_id,
        to: p.email,
        ...(await engagementTomorrowMessage({
          recipient: recipientOf(p),
          timeZone: m.time_zone,
          matchId: m.id,
          engagement: {
            kind: m.kind,
            title: m.title,
            employer: m.employer_name,
            school: m.school_name,
            students: m.students,
          },
          at: new Date(m.scheduled_ms),
          icsSequence: m.ics_sequence,
          opportunityStartsAt: m.starts_ms === null ? null : new Date(m.starts_ms),
          opportunityEndsAt: m.ends_ms === null ? null : new Date(m.ends_ms),
          city: m.city,
          virtual: m.modality === "virtual",
          attendees,
          link: links.match(m.id),
          now,
        })),
      }));
  });
  return Promise.all(emails);
}

function placementEmails(rows: PlacementRow[], publicUrl: string, now: Date): Promise<NewEmail[]> {
  const links = createLinks(publicUrl);
  const emails = groupBy(rows, (r) => r.id).flatMap((people) => {
    const p = people[0]!;
    const attendees = people.map((r) => ({ name: r.name, email: r.email }));
    return people
      .filter((r) => !r.sent)
      .map(async (r) => ({
        dedupeKey: r.key,
        regionId: p.region_id,
        to: r.email,
        ...(await placementStartsMessage({
          recipient: recipientOf(r),
          timeZone: p.time_zone,
          placementId: p.id,
          student: limitedName(p.first_name, p.last_name),
          school: p.school_name,
          employer: p.employer_name,
          title: p.title,
          startDate: p.start_date,
          city: p.city,
          attendees,
          link: links.placement(p.id),
          hasAccount: r.who !== "supervisor",
          now,
        })),
      }));
  });
  return Promise.all(emails);
}

/**
 * The day before an engagement: scheduled matches starting within 24 hours (the teacher who
 * asked and the employer's contacts), and placements starting tomorrow (the supervisor, the
 * employer's contacts, whoever arranged it), each with the .ics attached. One email per person
 * and due moment: the key carries the engagement's time or start date, so a reschedule into the
 * next day reminds again while a repeat run inserts nothing. Returns how many emails it wrote.
 */
export function engagementReminders({ publicUrl }: { publicUrl: string }): Sweep {
  return async ({ db, now }) => {
    const emails = [
      ...(await matchEmails(await matchesTomorrow(db, now), publicUrl, now)),
      ...(await placementEmails(await placementsTomorrow(db, now), publicUrl, now)),
    ];
    return db.transaction((tx) => queueEmails(tx, emails));
  };
}
