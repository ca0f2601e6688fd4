import { schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { Alert, Badge, Group, NativeSelect, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useSelfAssessment } from "../api/get-self-assessment.ts";
import { IndicatorCard } from "../components/indicator-card.tsx";

/** The region's C6 self-assessment: the intermediary rates it, coordinators read it. */
export function SelfAssessmentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const current = schoolYearOf(new Date());
  const [schoolYear, setSchoolYear] = useState(current);
  const assessment = useSelfAssessment(schoolYear);
  const canEdit = user.role === "intermediary";

  return (
    <>
      <PageHeader title={t("reports.selfAssessment.title")} intro={t("reports.selfAssessment.intro")} />
      <Stack gap="lg">
        <Group align="flex-end">
          <NativeSelect
            label={t("reports.selfAssessment.schoolYear")}
            value={schoolYear}
            onChange={(e) => setSchoolYear(e.currentTarget.value)}
            data={schoolYearsBack(current, 3)}
            w={200}
          />
          {assessment.data ? (
            <Badge variant="outline" color="gray" size="lg">
              {assessment.data.evidenceScope === "district"
                ? t("reports.selfAssessment.evidenceScopeDistrict")
                : t("reports.selfAssessment.evidenceScopeRegion")}
            </Badge>
          ) : null}
        </Group>
        {canEdit ? null : (
          <Alert variant="light" color="blue">
            {t("reports.selfAssessment.readOnly")}
          </Alert>
        )}
        {assessment.isPending ? (
          <PageLoader />
        ) : assessment.isError ? (
          <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
        ) : (
          assessment.data.indicators.map((indicator) => (
            <IndicatorCard
              key={`${assessment.data.schoolYear}-${indicator.indicator}`}
              assessment={indicator}
              schoolYear={assessment.data.schoolYear}
              canEdit={canEdit}
            />
          ))
        )}
      </Stack>
    </>
  );
}
