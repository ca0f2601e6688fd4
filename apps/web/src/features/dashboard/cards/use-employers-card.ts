import { useQuery } from "@tanstack/react-query";
import { type EmployerReport, employerReportQueryOptions } from "../api/get-employer-report.ts";
import { employerLevelRows, employerLevelsCsv } from "../lib/dashboard-rows.ts";

const select = (report: EmployerReport) => {
  const rows = employerLevelRows(report.totals);
  return {
    rows,
    totals: report.totals,
    exposureOnly: report.exposureOnly,
    csv: employerLevelsCsv(rows, report.totals.employers),
  };
};

/** Employers by the highest continuum level they hosted, their accept and host-again rates, and those who only hosted exposure. */
export function useEmployersCard(schoolYear: string) {
  return useQuery({ ...employerReportQueryOptions({ schoolYear }), select });
}
