import { Alert, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDate } from "../../../lib/format.ts";
import { type BlockedEmployer, useBlockedPlacements, useRequestCertificate } from "../api/employer-insurance.ts";
import { CertificateStatusBadge } from "./status-badge.tsx";

function BlockingEmployer({ employer }: { employer: BlockedEmployer }) {
  const { t, i18n } = useTranslation();
  const request = useRequestCertificate();
  const headingId = `blocked-${employer.employerId}`;
  const name = employer.employerName;
  return (
    <Paper component="section" withBorder radius="sm" p="sm" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: "1 1 220px" }}>
          <Title order={3} size="h5" id={headingId}>
            {name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <CertificateStatusBadge status={employer.status} />
            {employer.expiresOn ? (
              <Text size="sm" c="dimmed">
                {t("insurance.blocked.expiresOn", { date: formatDate(employer.expiresOn, i18n.language) })}
              </Text>
            ) : null}
          </Group>
          <AnchorLink to="/insurance/$employerId" params={{ employerId: employer.employerId }} size="sm">
            {t("insurance.blocked.open", { employer: name })}
          </AnchorLink>
        </Stack>
        <Button
          size="sm"
          loading={request.isPending}
          onClick={() => request.mutate(employer.employerId)}
          aria-label={t("insurance.blocked.requestLabel", { employer: name })}
        >
          {t("insurance.blocked.request")}
        </Button>
      </Group>
      {request.data ? (
        <Alert role="status" color="green" variant="light" mt="sm">
          {request.data.sent > 0
            ? t("insurance.blocked.sent", { employer: name, count: request.data.sent })
            : t("insurance.blocked.alreadyAsked", { employer: name })}
        </Alert>
      ) : null}
      {request.isError ? (
        <Stack mt="sm">
          <ErrorAlert error={request.error} />
        </Stack>
      ) : null}
      <List mt="sm" size="sm" spacing={4} aria-label={t("insurance.blocked.placementsOf", { employer: name })}>
        {employer.placements.map((p) => (
          <List.Item key={p.id} style={{ overflowWrap: "anywhere" }}>
            {t("insurance.blocked.placement", {
              student: `${p.student.firstName} ${p.student.lastName}`,
              title: p.opportunityTitle,
              school: p.school,
              date: formatDate(p.startDate, i18n.language),
            })}{" "}
            — <strong>{t(`insurance.blocked.reasons.${p.reason}`)}</strong>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** For coordinators and the intermediary: which employers hold up which placements, and a way to ask them. */
export function BlockedPlacements() {
  const { t } = useTranslation();
  const blocked = useBlockedPlacements();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="blocked-title">
      <Title order={2} size="h4" id="blocked-title">
        {t("insurance.blocked.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("insurance.blocked.intro")}
      </Text>
      {blocked.isPending ? (
        <PageLoader />
      ) : blocked.isError ? (
        <ErrorAlert error={blocked.error} onRetry={() => void blocked.refetch()} />
      ) : blocked.data.items.length === 0 ? (
        <Text>{t("insurance.blocked.empty")}</Text>
      ) : (
        <Stack gap="sm">
          {blocked.data.items.map((e) => (
            <BlockingEmployer key={e.employerId} employer={e} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
