import type { DbOrTx } from "@bridgework/db";
import { type GrowFacts, KIND_LEVEL, type Kind, type Level, type TimelineEntry } from "@bridgework/domain";
import { sql } from "drizzle-orm";

const STUDENT_RANK: Partial<Record<Level, number>> = { exposure: 1, engagement: 2, experience: 3 };

/** What an employer has done with the region: the grow rules' facts, plus the page's summary figures. */
export interface EmployerFacts extends GrowFacts {
  highestAt: Date | null;
  hostAgainYes: number;
  hostAgainAnswers: number;
}

const emptyFacts = (): EmployerFacts => ({
  goodExposure: 0,
  completedShadows: 0,
  completedExperience: 0,
  goodExperience: 0,
  highestLevel: null,
  highestAt: null,
  completedKinds: [],
  invitations: [],
  hostAgainYes: 0,
  hostAgainAnswers: 0,
});

/**
 * Facts of every employer of the region (or one): completed matches and placements with their
 * ratings, grow invitations sent, and the "host again" answers. Region-wide whoever reads: the
 * continuum level an employer reached is about the employer, not about a district's students.
 */
export async function employerFacts(
  db: DbOrTx,
  regionId: string,
  employerId?: string,
): Promise<Map<string, EmployerFacts>> {
  const one = employerId ? sql`AND x.employer_id = ${employerId}` : sql``;
  const done = await db.execute<{
    employer_id: string;
    kind: Kind;
    level: Level;
    at: string;
    good: boolean | null;
    again: boolean | null;
  }>(sql`
    SELECT * FROM (
      SELECT m.employer_id, o.kind, o.level, m.completed_at AS at,
        (SELECT min(f.rating) >= 4 AND bool_and(f.host_again) FROM match_feedback f WHERE f.match_id = m.id) AS good,
        (SELECT bool_and(f.host_again) FROM match_feedback f WHERE f.match_id = m.id) AS again
      FROM matches m JOIN opportunities o ON o.id = m.opportunity_id
      WHERE m.region_id = ${regionId} AND m.status = 'completed' AND m.completed_at IS NOT NULL
      UNION ALL
      SELECT p.employer_id, o.kind, o.level, p.completed_at, NULL, NULL
      FROM placements p JOIN opportunities o ON o.id = p.opportunity_id
      WHERE p.region_id = ${regionId} AND p.status = 'completed' AND p.completed_at IS NOT NULL
    ) x WHERE true ${one}
    ORDER BY x.at`);
  const invited = await db.execute<{ employer_id: string; kind: Kind; sent_at: string }>(sql`
    SELECT x.employer_id, x.kind, x.sent_at FROM grow_invitations x WHERE x.region_id = ${regionId} ${one}`);
  const feedback = await db.execute<{ employer_id: string; yes: number; answers: number }>(sql`
    SELECT x.employer_id, count(*) FILTER (WHERE x.host_again)::int AS yes, count(*)::int AS answers
    FROM match_feedback x JOIN matches m ON m.id = x.match_id
    WHERE m.region_id = ${regionId} ${one} GROUP BY x.employer_id`);

  const facts = new Map<string, EmployerFacts>();
  const of = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = emptyFacts()));
    return f;
  };
  for (const r of done.rows) {
    const f = of(r.employer_id);
    if (r.level === "exposure" && r.good === true) f.goodExposure++;
    if (r.kind === "job_shadow") f.completedShadows++;
    if (r.level === "experience") {
      f.completedExperience++;
      if (r.again !== false) f.goodExperience++;
    }
    if (!f.completedKinds.includes(r.kind)) f.completedKinds.push(r.kind);
    const rank = STUDENT_RANK[r.level];
    // Rows come oldest first: the first row of a higher level is when it was reached.
    if (rank !== undefined && rank > (f.highestLevel ? (STUDENT_RANK[f.highestLevel] ?? 0) : 0)) {
      f.highestLevel = r.level;
      f.highestAt = new Date(r.at);
    }
  }
  for (const r of invited.rows) of(r.employer_id).invitations.push({ kind: r.kind, sentAt: new Date(r.sent_at) });
  for (const r of feedback.rows) {
    const f = of(r.employer_id);
    f.hostAgainYes = r.yes;
    f.hostAgainAnswers = r.answers;
  }
  return facts;
}

export function factsOf(map: Map<string, EmployerFacts>, id: string): EmployerFacts {
  return map.get(id) ?? emptyFacts();
}

type Row = {
  at: string;
  type: TimelineEntry["type"];
  kind: Kind | null;
  level: Level | null;
  title: string | null;
  school: string | null;
  district: string | null;
  status: string | null;
  rating: number | null;
  host_again: boolean | null;
  hours_logged: string | number | null;
  hours_approved: string | number | null;
  start_date: string | null;
  end_date: string | null;
  match_id: string | null;
  volunteers: number | null;
  volunteer_hours: string | number | null;
};

const iso = (at: string) => new Date(at).toISOString();
const num = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Everything with the employer across the region, newest first. `districtId` limits asks,
 * answers, engagements, feedback and placements to one district (a coordinator's view);
 * published offers and grow invitations are the region's and shown to all who may read the page.
 */
export async function employerTimeline(
  db: DbOrTx,
  regionId: string,
  employerId: string,
  districtId: string | null,
): Promise<TimelineEntry[]> {
  const inDistrict = districtId ? sql`AND r.district_id = ${districtId}` : sql``;
  const placementDistrict = districtId ? sql`AND p.district_id = ${districtId}` : sql``;
  const eventDistrict = districtId ? sql`AND (e.district_id = ${districtId} OR e.district_id IS NULL)` : sql``;
  const result = await db.execute<Row>(sql`
    WITH m AS (
      SELECT m.*, o.kind AS o_kind, o.level AS o_level, o.title AS o_title,
        s.name AS school_name, d.name AS district_name
      FROM matches m
      JOIN opportunities o ON o.id = m.opportunity_id
      JOIN requests r ON r.id = m.request_id
      JOIN organizations s ON s.id = r.school_id
      JOIN organizations d ON d.id = r.district_id
      WHERE m.region_id = ${regionId} AND m.employer_id = ${employerId} ${inDistrict}
    )
    SELECT approved_at AS at, 'ask' AS type, o_kind AS kind, o_level AS level, o_title AS title, school_name AS school,
      district_name AS district, status::text AS status, NULL::int AS rating, NULL::boolean AS host_again,
      NULL::numeric AS hours_logged, NULL::numeric AS hours_approved, NULL::text AS start_date, NULL::text AS end_date, id AS match_id,
      NULL::int AS volunteers, NULL::numeric AS volunteer_hours
    FROM m WHERE approved_at IS NOT NULL
    UNION ALL
    SELECT accepted_at, 'answer', o_kind, o_level, o_title, school_name, district_name, 'accepted', NULL, NULL, NULL, NULL, NULL, NULL, id, NULL, NULL
    FROM m WHERE accepted_at IS NOT NULL
    UNION ALL
    SELECT closed_at, 'answer', o_kind, o_level, o_title, school_name, district_name, 'declined', NULL, NULL, NULL, NULL, NULL, NULL, id, NULL, NULL
    FROM m WHERE status = 'declined' AND closed_at IS NOT NULL
    UNION ALL
    SELECT completed_at, 'engagement', o_kind, o_level, o_title, school_name, district_name, 'completed', NULL, NULL, NULL, NULL, NULL, NULL, id, NULL, NULL
    FROM m WHERE completed_at IS NOT NULL
    UNION ALL
    SELECT f.created_at, 'feedback', m.o_kind, m.o_level, m.o_title, m.school_name, m.district_name, f.role, f.rating, f.host_again,
      NULL, NULL, NULL, NULL, m.id, NULL, NULL
    FROM match_feedback f JOIN m ON m.id = f.match_id
    UNION ALL
    SELECT coalesce(p.completed_at, p.withdrawn_at, p.activated_at, p.created_at), 'placement', o.kind, o.level, o.title,
      s.name, d.name, p.status::text, NULL, NULL,
      (SELECT coalesce(sum(h.hours), 0) FROM hours_entries h WHERE h.placement_id = p.id AND h.status <> 'rejected'),
      (SELECT coalesce(sum(h.hours), 0) FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'approved'),
      p.start_date::text, p.end_date::text, NULL, NULL, NULL
    FROM placements p
    JOIN opportunities o ON o.id = p.opportunity_id
    JOIN organizations s ON s.id = p.school_id
    JOIN organizations d ON d.id = p.district_id
    WHERE p.region_id = ${regionId} AND p.employer_id = ${employerId} ${placementDistrict}
    UNION ALL
    SELECT coalesce(o.published_at, o.created_at), 'offer', o.kind, o.level, o.title, NULL, NULL,
      CASE WHEN o.standing_offer_of IS NOT NULL THEN 'standing_' || o.status::text ELSE o.status::text END,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM opportunities o
    WHERE o.region_id = ${regionId} AND o.employer_id = ${employerId}
      AND (o.published_at IS NOT NULL OR o.standing_offer_of IS NOT NULL)
    UNION ALL
    SELECT g.sent_at, 'grow_invitation', g.kind, NULL, NULL, NULL, NULL, g.rule, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM grow_invitations g WHERE g.region_id = ${regionId} AND g.employer_id = ${employerId}
    UNION ALL
    SELECT e.starts_at, 'volunteered', event_report_kind(e.kind), event_report_level(e.kind), e.title, NULL, d.name, NULL,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, v.volunteers, v.hours
    FROM events e
    LEFT JOIN organizations d ON d.id = e.district_id
    -- The volunteers who count (checked in, or confirmed when nobody was), hours as shiftHours: to the quarter.
    JOIN LATERAL (
      SELECT count(DISTINCT c.email)::int AS volunteers, sum(round(extract(epoch FROM r.ends_at - r.starts_at) / 900) / 4) AS hours
      FROM event_counted_volunteers(e.id) c JOIN event_roles r ON r.id = c.role_id
      WHERE c.organization_id = ${employerId}
    ) v ON v.volunteers > 0
    WHERE e.region_id = ${regionId} AND e.held_at IS NOT NULL AND e.status IN ('held', 'archived') ${eventDistrict}
    ORDER BY at DESC, type
    LIMIT 500`);
  return result.rows.map((r) => ({
    at: iso(r.at),
    type: r.type,
    kind: r.kind,
    level: r.level ?? (r.kind ? KIND_LEVEL[r.kind] : null),
    title: r.title,
    school: r.school,
    district: r.district,
    status: r.status,
    rating: r.rating,
    hostAgain: r.host_again,
    hoursLogged: num(r.hours_logged),
    hoursApproved: num(r.hours_approved),
    startDate: r.start_date,
    endDate: r.end_date,
    matchId: r.match_id,
    volunteers: r.volunteers,
    volunteerHours: num(r.volunteer_hours),
  }));
}
