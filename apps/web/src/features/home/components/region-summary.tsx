import type { Role } from "@bridgework/domain";
import { Paper, SimpleGrid, Skeleton, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useRegionSummary } from "../api/get-region-summary.ts";

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="stat-value">{value}</Text>
    </Paper>
  );
}

export function RegionSummary({ role }: { role: Role }) {
  const { t } = useTranslation();
  const summary = useRegionSummary(role);
  return (
    <section aria-labelledby="glance-heading">
      <Title order={2} size="h4" id="glance-heading" mb="sm">
        {t("home.glance")}
      </Title>
      {summary.isPending ? (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Skeleton h={82} />
          <Skeleton h={82} />
          <Skeleton h={82} />
        </SimpleGrid>
      ) : summary.isError ? (
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Stat label={t("home.organizationsCount")} value={summary.data.organizations} />
          <Stat label={t("home.pathwaysCount")} value={summary.data.pathways} />
          {summary.data.users !== null ? <Stat label={t("home.usersCount")} value={summary.data.users} /> : null}
        </SimpleGrid>
      )}
    </section>
  );
}
