import { KINDS, SIMILAR_KINDS } from "@bridgework/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "./report-scope.ts";
import { type DayRange, kindPairs } from "./report-sql.ts";

/**
 * Open and expired requests that no published opportunity of the region could serve today:
 * none of the same or a similar kind (SIMILAR_KINDS) with enough seats left whose dates
 * overlap the request's window (undated opportunities are always available) — the same date
 * rule as `dateFit` in the suggestion scorer. Grouped by sector, kind and school.
 */
export function unmetDemandSql(scope: ReportScope, range: DayRange): SQL {
  const where: SQL[] = [sql`r.region_id = ${scope.regionId}`, sql`r.status IN ('open', 'expired')`];
  if (scope.districtId) where.push(sql`r.district_id = ${scope.districtId}`);
  if (scope.schoolId) where.push(sql`r.school_id = ${scope.schoolId}`);
  if (range.from) where.push(sql`r.window_end >= ${range.from}::date`);
  if (range.to) where.push(sql`r.window_start <= ${range.to}::date`);
  return sql`
    WITH serves(requested, offered) AS (VALUES ${kindPairs(SIMILAR_KINDS, KINDS)})
    SELECT r.sector, r.kind::text AS kind, r.level::text AS level, r.school_id AS "schoolId", s.name AS school,
      count(*)::int AS requests,
      count(*) FILTER (WHERE r.status = 'open')::int AS open,
      count(*) FILTER (WHERE r.status = 'expired')::int AS expired,
      sum(r.students)::int AS "studentsWaiting"
    FROM requests r JOIN organizations s ON s.id = r.school_id
    WHERE ${sql.join(where, sql` AND `)}
      AND NOT EXISTS (
        SELECT 1 FROM serves k JOIN opportunities o ON o.kind = k.offered
        WHERE k.requested = r.kind AND o.region_id = r.region_id AND o.status = 'published'
          AND o.capacity - o.seats_taken >= r.students
          AND ((o.starts_at IS NULL AND o.ends_at IS NULL)
               OR (coalesce(o.ends_at, o.starts_at) >= (r.window_start::timestamp AT TIME ZONE 'UTC')
                   AND (o.starts_at IS NULL OR o.starts_at < ((r.window_end + 1)::timestamp AT TIME ZONE 'UTC')))))
    GROUP BY r.sector, r.kind, r.level, r.school_id, s.name
    ORDER BY "studentsWaiting" DESC, r.sector, r.kind, s.name`;
}
