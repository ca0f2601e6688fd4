import { schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { NativeSelect, Stack } from "@mantine/core";
import { startTransition, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { i18n } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { CalpadsCard } from "../cards/calpads-card.tsx";
import { EmployersCard } from "../cards/employers-card.tsx";
import { EquityCard } from "../cards/equity-card.tsx";
import { LevelsCard } from "../cards/levels-card.tsx";
import { SectorsCard } from "../cards/sectors-card.tsx";
import { TotalsCard } from "../cards/totals-card.tsx";
import { TrendCard } from "../cards/trend-card.tsx";
import { UnmetDemandCard } from "../cards/unmet-demand-card.tsx";
import { prepareReportFormat } from "../hooks/use-report-format.ts";
import { dashboardPeriod } from "../lib/dashboard-period.ts";

prepareReportFormat(i18n.language);

/** How many cards the page has (see `useCardsShown`). */
const CARDS = 8;

/**
 * The number of cards to draw: none with the page's header, then one more in each background
 * render (a transition) until all are there, top first. Drawing all eight in one render put their mounting and their nine report
 * requests (each fetch() call is not free) into one task that blocked the main thread; one card
 * each is a few milliseconds. Once all are there it stays so (a school-year change redraws them).
 */
function useCardsShown(): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown < CARDS) startTransition(() => setShown(shown + 1));
  }, [shown]);
  return shown;
}

/**
 * The region (or district) dashboard: a school-year chooser and the cards. Each card in cards/
 * loads its own report through its hook (use-<card>-card.ts) and shows its own loading and
 * error state; their arithmetic is in lib/dashboard-rows.ts. The cards are memoised: a new card
 * appearing or an answer for one does not redraw the others.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useMemo(() => new Date(), []);
  const yearOptions = schoolYearsBack(schoolYearOf(today), 3);
  const [schoolYear, setSchoolYear] = useState(yearOptions[0]!);
  const period = useMemo(() => dashboardPeriod(schoolYear, today), [schoolYear, today]);
  const shown = useCardsShown();
  const intro = user.role === "coordinator" ? t("reports.dashboard.introDistrict") : t("reports.dashboard.introRegion");

  return (
    <>
      <PageHeader title={t("reports.dashboard.title")} intro={intro} />
      <Stack gap="lg">
        <NativeSelect
          label={t("reports.dashboard.schoolYear")}
          value={schoolYear}
          onChange={(event) => setSchoolYear(event.currentTarget.value)}
          data={yearOptions}
          w={200}
        />
        {shown > 0 ? <TotalsCard period={period} /> : null}
        <div className="dashboard-pair">
          {shown > 1 ? <LevelsCard period={period} /> : null}
          {shown > 2 ? <SectorsCard period={period} /> : null}
        </div>
        {shown > 3 ? <TrendCard period={period} /> : null}
        <div className="dashboard-pair">
          {shown > 4 ? <UnmetDemandCard period={period} /> : null}
          {shown > 5 ? <EmployersCard schoolYear={schoolYear} /> : null}
        </div>
        {shown > 6 ? <EquityCard schoolYear={schoolYear} /> : null}
        {/* Keyed by year: a failed download of one year's export is not shown under the next. */}
        {shown > 7 ? <CalpadsCard key={schoolYear} schoolYear={schoolYear} /> : null}
      </Stack>
    </>
  );
}
