import { CODES_WITH_EXTERNAL_HOURS, KIND_TO_WBL_CODE, schoolYearBounds } from "@bridgework/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "../../lib/reporting/report-scope.ts";

/** Why a record cannot go to CALPADS; the record is then listed in the validation report instead. */
export const ISSUES = {
  ssid: "The student has no SSID",
  stateCourseCode:
    "State Course Code is required for an internship (code 10); Bridgework records no course for a placement yet",
  hours: "No approved hours in the school year (WBL Hours – External is required for codes 10, 15 and 20)",
} as const;
export type IssueCode = keyof typeof ISSUES;

const codes = sql.join(
  Object.entries(KIND_TO_WBL_CODE).map(([kind, code]) => sql`(${kind}::wbl_kind, ${code}::text)`),
  sql`, `,
);
const hoursCodes = sql.join(
  CODES_WITH_EXTERNAL_HOURS.map((c) => sql`${c}::text`),
  sql`, `,
);

/**
 * One candidate record per completed placement of a WBLR kind (KIND_TO_WBL_CODE) in the school
 * year, for a student in grades 9–12 of the scope (the student's district: the LEA that
 * reports), with its required-field issues. Hours are the placement's approved hours dated
 * inside the school year. There is no course on a placement, so the State Course Code is
 * always null: an internship is listed for validation until one can be recorded.
 */
export function calpadsRecordsSql(scope: ReportScope, schoolYear: string): SQL {
  const { from, to } = schoolYearBounds(schoolYear);
  const where: SQL[] = [
    sql`p.region_id = ${scope.regionId}`,
    sql`p.status = 'completed'`,
    sql`p.completed_at >= (${from}::date::timestamp AT TIME ZONE 'UTC')`,
    sql`p.completed_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC')`,
    sql`st.grade BETWEEN 9 AND 12`,
  ];
  if (scope.districtId) where.push(sql`st.district_id = ${scope.districtId}`);
  if (scope.schoolId) where.push(sql`st.school_id = ${scope.schoolId}`);
  return sql`
    WITH codes(kind, code) AS (VALUES ${codes}),
    base AS (
      SELECT p.id AS placement_id, st.id AS student_id, st.local_id, st.first_name, st.last_name, nullif(btrim(st.ssid), '') AS ssid, sch.name AS school, o.kind::text AS kind, c.code,
        NULL::text AS state_course_code,
        (SELECT coalesce(sum(h.hours), 0) FROM hours_entries h
          WHERE h.placement_id = p.id AND h.status = 'approved' AND h.date BETWEEN ${from}::date AND ${to}::date)::float8 AS hours,
        ev.given AS evaluation_given,
        btrim(p.supervisor_name) <> '' AS supervised
      FROM placements p
      JOIN students st ON st.id = p.student_id
      JOIN opportunities o ON o.id = p.opportunity_id
      JOIN codes c ON c.kind = o.kind
      JOIN organizations sch ON sch.id = p.school_id
      LEFT JOIN evaluations ev ON ev.placement_id = p.id
      WHERE ${sql.join(where, sql` AND `)}
    )
    SELECT *, array_remove(ARRAY[
        CASE WHEN ssid IS NULL THEN 'ssid' END,
        CASE WHEN code = '10' AND state_course_code IS NULL THEN 'stateCourseCode' END,
        CASE WHEN code IN (${hoursCodes}) AND hours <= 0 THEN 'hours' END
      ], NULL) AS issues
    FROM base`;
}

export type CalpadsRecord = {
  placement_id: string;
  student_id: string;
  local_id: string;
  first_name: string;
  last_name: string;
  ssid: string | null;
  school: string;
  kind: string;
  code: string;
  state_course_code: string | null;
  hours: number;
  evaluation_given: boolean | null;
  supervised: boolean;
  issues: IssueCode[];
};
