import { Center, List, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { usePublicRegions } from "../api/public-regions.ts";

/** `/get-involved`, linked from the login page: a company picks its region, then fills in that region's form. */
export function GetInvolvedRegionsPage() {
  const { t } = useTranslation();
  usePageTitle(t("getInvolved.regions.title"));
  const regions = usePublicRegions();
  return (
    <Center>
      <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} w="100%" maw={560}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t("getInvolved.regions.title")}
          </Title>
          <Text c="dimmed">{t("getInvolved.regions.intro")}</Text>
          {regions.isPending ? (
            <Loader aria-label={t("app.loading")} />
          ) : regions.error ? (
            <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />
          ) : regions.data.length === 0 ? (
            <Text>{t("getInvolved.regions.empty")}</Text>
          ) : (
            <nav aria-label={t("getInvolved.regions.label")}>
              <List listStyleType="none" spacing="xs">
                {regions.data.map((r) => (
                  <List.Item key={r.slug}>
                    <AnchorLink to="/r/$slug/get-involved" params={{ slug: r.slug }} fw={600}>
                      {r.name}
                    </AnchorLink>
                  </List.Item>
                ))}
              </List>
            </nav>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
