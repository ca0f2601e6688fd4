import { Paper, Stack, Table, Text, Title } from "@mantine/core";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useInsurance } from "../api/get-insurance.ts";
import { BlockedPlacements } from "../components/blocked-placements.tsx";
import { EmployerInsurancePanel } from "../components/employer-insurance-panel.tsx";
import { CertificateStatusBadge } from "../components/status-badge.tsx";

/** Employers and their latest certificate, so expiring or missing insurance is seen before a placement needs it. */
function EmployersTable() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const insurance = useInsurance(page);
  const money = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "USD", maximumFractionDigits: 0 });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="employers-title">
      <Title order={2} size="h4" id="employers-title" mb="sm">
        {t("insurance.employers.title")}
      </Title>
      {insurance.isPending ? (
        <PageLoader />
      ) : insurance.isError ? (
        <ErrorAlert error={insurance.error} onRetry={() => void insurance.refetch()} />
      ) : insurance.data.items.length === 0 ? (
        <Text c="dimmed">{t("placements.insurance.empty")}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped className="data-table" verticalSpacing="sm">
              <Table.Caption>{t("placements.insurance.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("placements.insurance.employer")}</Table.Th>
                  <Table.Th scope="col">{t("placements.insurance.status")}</Table.Th>
                  <Table.Th scope="col">{t("placements.insurance.carrier")}</Table.Th>
                  <Table.Th scope="col">{t("placements.insurance.policy")}</Table.Th>
                  <Table.Th scope="col">{t("placements.insurance.coverage")}</Table.Th>
                  <Table.Th scope="col">{t("placements.insurance.expires")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {insurance.data.items.map((row) => (
                  <Table.Tr key={row.employerId}>
                    <Table.Th scope="row" fw={600}>
                      <AnchorLink to="/insurance/$employerId" params={{ employerId: row.employerId }}>
                        {row.employerName}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>
                      <CertificateStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td>{row.certificate?.carrier ?? "—"}</Table.Td>
                    <Table.Td>{row.certificate?.policyNumber ?? "—"}</Table.Td>
                    <Table.Td>{row.certificate ? money.format(row.certificate.coverageAmount) : "—"}</Table.Td>
                    <Table.Td>{row.certificate ? formatDate(row.certificate.expiresOn, i18n.language) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={insurance.data.page} pageSize={insurance.data.pageSize} total={insurance.data.total} onChange={setPage} />
        </>
      )}
    </Paper>
  );
}

/**
 * `/insurance`: an employer's own certificate (status, filing, history); for coordinators and the
 * intermediary, the placements waiting on insurance and every employer's certificate.
 */
export function InsurancePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role === "employer") {
    return (
      <>
        <PageHeader title={t("insurance.title")} intro={t("insurance.employerIntro")} />
        <EmployerInsurancePanel employerId={user.organizationId} canFile />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("insurance.title")} intro={t("insurance.staffIntro")} />
      <Stack gap="lg">
        <BlockedPlacements />
        <EmployersTable />
      </Stack>
    </>
  );
}
