import { type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "./report-scope.ts";
import { type DayRange, experienceWhere, schoolYearStartOf } from "./report-sql.ts";

/**
 * "Would you host again?" per completed engagement: a group engagement is a yes when everyone
 * who answered its feedback said yes (as the suggestion scorer reads it); a placement answers
 * through its evaluation. The read model keeps each experience's answer (migration 0013).
 */
export function hostAgainSql(scope: ReportScope, range: DayRange): SQL {
  const sy = schoolYearStartOf(sql`x.completed_on`);
  return sql`
    SELECT ${sy} AS sy, count(*) FILTER (WHERE x.host_again)::int AS yes, count(x.host_again)::int AS answers
    FROM report_experiences x WHERE ${experienceWhere(scope, range)}
    GROUP BY GROUPING SETS ((${sy}), ())`;
}
