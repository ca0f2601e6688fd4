import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { memo, useId } from "react";
import { useTranslation } from "react-i18next";
import { CalpadsReadiness } from "../components/calpads-readiness.tsx";
import { Loaded } from "../components/loaded.tsx";
import { useCalpadsCard } from "./use-calpads-card.ts";

export const CalpadsCard = memo(function CalpadsCard({ schoolYear }: { schoolYear: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { query, busy, failed, download } = useCalpadsCard(schoolYear);
  return (
    <Loaded query={query}>
      {({ totals, rows }) => (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
          <Stack gap="xs">
            <Title order={2} size="h4" id={headingId}>
              {t("reports.dashboard.calpadsTitle")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("reports.dashboard.calpadsIntro", { year: schoolYear })}
            </Text>
            <Text size="sm" data-testid="calpads-counts">
              {t("reports.dashboard.calpadsCounts", {
                exported: totals.exported,
                records: totals.records,
                withIssues: totals.withIssues,
              })}
            </Text>
            <CalpadsReadiness rows={rows} withIssues={totals.withIssues} />
            <Group>
              <Button loading={busy} onClick={() => void download()}>
                {t("reports.dashboard.calpadsDownload")}
              </Button>
            </Group>
            {failed ? (
              <Alert role="alert" color="red" variant="light">
                {t("reports.dashboard.downloadFailed")}
              </Alert>
            ) : null}
          </Stack>
        </Paper>
      )}
    </Loaded>
  );
});
