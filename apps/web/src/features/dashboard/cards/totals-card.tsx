import { memo } from "react";
import { Loaded } from "../components/loaded.tsx";
import { TotalsTable } from "../components/totals-table.tsx";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { useTotalsCard } from "./use-totals-card.ts";

/** This school year next to the last. */
export const TotalsCard = memo(function TotalsCard({ period }: { period: DashboardPeriod }) {
  const { thisYear, lastYear } = useTotalsCard(period);
  return (
    <Loaded query={thisYear} reserve="20.5rem">
      {(now) => (
        <Loaded query={lastYear} reserve="20.5rem">
          {(before) => (
            <TotalsTable
              current={period.schoolYear}
              previous={period.previous}
              thisYear={now.totals}
              lastYear={before.totals}
            />
          )}
        </Loaded>
      )}
    </Loaded>
  );
});
