import { Alert, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { useConfirmInterest } from "../api/confirm-interest.ts";

const route = getRouteApi("/r/$slug/get-involved/confirm/$token");

/** The emailed link: opening it confirms the offer (a second visit says it already was). */
export function ConfirmInterestPage() {
  const { t } = useTranslation();
  const { slug, token } = route.useParams();
  const confirmation = useConfirmInterest(token);
  usePageTitle(t("getInvolved.confirm.title"));
  const data = confirmation.data;
  const facts = data ? { company: data.companyName, region: data.region.name } : {};

  return (
    <Center>
      <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} w="100%" maw={560}>
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t("getInvolved.confirm.title")}
          </Title>
          {confirmation.isPending ? (
            <Stack align="center" role="status">
              <Loader aria-hidden />
              <Text>{t("getInvolved.confirm.working")}</Text>
            </Stack>
          ) : data ? (
            <Alert
              color="green"
              variant="light"
              role="status"
              title={
                data.result === "confirmed"
                  ? t("getInvolved.confirm.confirmedTitle")
                  : t("getInvolved.confirm.alreadyTitle")
              }
            >
              {data.result === "confirmed"
                ? t("getInvolved.confirm.confirmed", facts)
                : t("getInvolved.confirm.already", facts)}
            </Alert>
          ) : (
            <Alert color="yellow" variant="light" role="alert" title={t("getInvolved.confirm.failedTitle")}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t("getInvolved.confirm.failed")}</Text>
                <AnchorLink to="/r/$slug/get-involved" params={{ slug }} size="sm">
                  {t("getInvolved.confirm.back")}
                </AnchorLink>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
