import type { Kind } from "@bridgework/domain";
import { queueEmails } from "@bridgework/jobs";
import { createLinks, feedbackRequestMessage, type Language } from "@bridgework/notifications";
import { sql } from "drizzle-orm";
import { DAY_MS } from "@bridgework/db";
import type { Sweep } from "../sweeps.ts";

/** Asked from a day after the engagement… */
export const FEEDBACK_AFTER_MS = DAY_MS;
/** …for a week; older engagements (history, a long outage) are not mailed about. */
export const FEEDBACK_WINDOW_MS = 8 * DAY_MS;
const LIMIT = 1000;

type Due = {
  match_id: string;
  region_id: string;
  status: "completed" | "scheduled";
  engaged_ms: number;
  kind: Kind;
  title: string;
  employer_name: string;
  school_name: string;
  role: "teacher" | "employer";
  name: string;
  email: string;
  language: Language;
  time_zone: string;
  key: string;
};

/**
 * The day after an engagement (a completed match, or a scheduled one whose time has passed),
 * the teacher who asked and the employer's contacts are asked how it went and whether they
 * would do it again, once each (`match:<id>:feedback:<user>`); whoever already answered is
 * skipped. Returns how many emails it wrote.
 */
export function feedbackRequests({ publicUrl }: { publicUrl: string }): Sweep {
  return async ({ db, now }) => {
    const due = await db.execute<Due>(sql`
      WITH engaged AS (
        SELECT m.id, m.region_id, m.employer_id, m.status, coalesce(m.scheduled_at, m.completed_at) AS engaged_at, r.created_by, r.kind,
               o.title, emp.name AS employer_name, s.name AS school_name, rg.time_zone
        FROM matches m
        JOIN regions rg ON rg.id = m.region_id
        JOIN requests r ON r.id = m.request_id
        JOIN opportunities o ON o.id = m.opportunity_id
        JOIN organizations emp ON emp.id = m.employer_id
        JOIN organizations s ON s.id = r.school_id
        WHERE m.status IN ('completed', 'scheduled')
          AND coalesce(m.scheduled_at, m.completed_at) <= ${new Date(now.getTime() - FEEDBACK_AFTER_MS)}
          AND coalesce(m.scheduled_at, m.completed_at) > ${new Date(now.getTime() - FEEDBACK_WINDOW_MS)}
      ),
      people AS (
        SELECT e.id AS match_id, e.region_id, e.status, floor(extract(epoch FROM e.engaged_at) * 1000)::float8 AS engaged_ms, e.kind, e.title,
               e.employer_name, e.school_name, e.time_zone, u.role, u.name, u.email, u.language, 'match:' || e.id || ':feedback:' || u.id AS key
        FROM engaged e
        JOIN users u ON u.status <> 'disabled'
          AND ((u.role = 'teacher' AND u.id = e.created_by) OR (u.role = 'employer' AND u.organization_id = e.employer_id))
        WHERE NOT EXISTS (SELECT 1 FROM match_feedback f WHERE f.match_id = e.id AND f.user_id = u.id)
      )
      SELECT * FROM people WHERE NOT EXISTS (SELECT 1 FROM emails x WHERE x.dedupe_key = people.key)
      ORDER BY key LIMIT ${LIMIT}`);
    const feedbackLink = createLinks(publicUrl).matchFeedback;
    const emails = await Promise.all(
      due.rows.map(async (d) => {
        const message = await feedbackRequestMessage({
          recipient: { name: d.name, email: d.email, language: d.language },
          timeZone: d.time_zone,
          audience: d.role,
          kind: d.kind,
          title: d.title,
          partner: d.role === "teacher" ? d.employer_name : d.school_name,
          at: new Date(d.engaged_ms),
          completed: d.status === "completed",
          link: feedbackLink(d.match_id),
        });
        return { dedupeKey: d.key, regionId: d.region_id, to: d.email, ...message };
      }),
    );
    return db.transaction((tx) => queueEmails(tx, emails));
  };
}
