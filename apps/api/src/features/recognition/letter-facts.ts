import type { DbOrTx } from "@bridgework/db";
import { type Kind, schoolYearBounds } from "@bridgework/domain";
import { sql } from "drizzle-orm";

/** What an employer did in a school year in its region, counted the way the placement report counts. */
export interface LetterFacts {
  schoolYear: string;
  /** Completed group engagements (talks, tours…), oldest first. */
  engagements: { completedOn: string; kind: Kind; school: string; students: number }[];
  /** Completed placements (job shadows, internships…) by kind. */
  placements: { kind: Kind; count: number }[];
  /** The report's `experiences`: engagements and placements. */
  experiences: number;
  /** The report's `students`: distinct named students of placements plus those attending engagements. */
  studentsReached: number;
  /** Distinct students the placements hosted. */
  placementStudents: number;
  /** The report's `hours`: approved hours of the placements, to two decimals. */
  hours: number;
}

/**
 * Reads the reports' read model (report_experiences, one row per completed match or placement)
 * for one employer and school year, so the letter's numbers are the reports' numbers.
 */
export async function letterFacts(
  db: DbOrTx,
  regionId: string,
  employerId: string,
  schoolYear: string,
): Promise<LetterFacts> {
  const { from, to } = schoolYearBounds(schoolYear);
  const where = sql`x.region_id = ${regionId} AND x.employer_id = ${employerId}
    AND x.completed_on BETWEEN ${from}::date AND ${to}::date`;
  const [engagements, placements, totals] = await Promise.all([
    db.execute<{ completedOn: string; kind: Kind; school: string; students: number }>(sql`
      SELECT x.completed_on::text AS "completedOn", x.kind::text AS kind, s.name AS school, x.attended::int AS students
      FROM report_experiences x JOIN organizations s ON s.id = x.school_id
      WHERE ${where} AND x.match_id IS NOT NULL ORDER BY x.completed_on, s.name`),
    // A placement's row may have lost its placement id (its student erased) but never has a match id.
    db.execute<{ kind: Kind; count: number }>(sql`
      SELECT x.kind::text AS kind, count(*)::int AS count FROM report_experiences x
      WHERE ${where} AND x.match_id IS NULL GROUP BY x.kind ORDER BY count(*) DESC, x.kind`),
    db.execute<{ experiences: number; students: number; placementStudents: number; hours: number }>(sql`
      SELECT count(*)::int AS experiences,
        (count(DISTINCT x.student_id) FILTER (WHERE x.student_id IS NOT NULL) + coalesce(sum(x.attended), 0))::int AS students,
        count(DISTINCT x.student_id) FILTER (WHERE x.student_id IS NOT NULL)::int AS "placementStudents",
        round(coalesce(sum(x.hours), 0)::numeric, 2)::float8 AS hours
      FROM report_experiences x WHERE ${where}`),
  ]);
  const t = totals.rows[0]!;
  return {
    schoolYear,
    engagements: engagements.rows,
    placements: placements.rows,
    experiences: t.experiences,
    studentsReached: t.students,
    placementStudents: t.placementStudents,
    hours: t.hours,
  };
}
