import { schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { NativeSelect, SimpleGrid, Stack } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { CalpadsCard } from "../cards/calpads-card.tsx";
import { EmployersCard } from "../cards/employers-card.tsx";
import { EquityCard } from "../cards/equity-card.tsx";
import { LevelsCard } from "../cards/levels-card.tsx";
import { SectorsCard } from "../cards/sectors-card.tsx";
import { TotalsCard } from "../cards/totals-card.tsx";
import { TrendCard } from "../cards/trend-card.tsx";
import { UnmetDemandCard } from "../cards/unmet-demand-card.tsx";
import { dashboardPeriod } from "../lib/dashboard-period.ts";

/**
 * The region (or district) dashboard: a school-year chooser and the cards. Each card in cards/
 * loads its own report through its hook (use-<card>-card.ts) and shows its own loading and
 * error state; their arithmetic is in lib/dashboard-rows.ts.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useMemo(() => new Date(), []);
  const yearOptions = schoolYearsBack(schoolYearOf(today), 3);
  const [schoolYear, setSchoolYear] = useState(yearOptions[0]!);
  const period = useMemo(() => dashboardPeriod(schoolYear, today), [schoolYear, today]);
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
        <TotalsCard period={period} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <LevelsCard period={period} />
          <SectorsCard period={period} />
        </SimpleGrid>
        <TrendCard period={period} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <UnmetDemandCard period={period} />
          <EmployersCard schoolYear={schoolYear} />
        </SimpleGrid>
        <EquityCard schoolYear={schoolYear} />
        {/* Keyed by year: a failed download of one year's export is not shown under the next. */}
        <CalpadsCard key={schoolYear} schoolYear={schoolYear} />
      </Stack>
    </>
  );
}
