import { Badge, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { type CertificateStatus, useInsurance } from "../api/get-insurance.ts";

const COLORS: Record<CertificateStatus, string> = { valid: "green", expiring: "yellow", expired: "red", missing: "gray" };

/** Employers and their latest certificate, so expiring or missing insurance is seen before a placement needs it. */
export function InsurancePage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const insurance = useInsurance(page);
  const money = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const day = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

  return (
    <>
      <PageHeader title={t("placements.insurance.title")} intro={t("placements.insurance.intro")} />
      <Paper withBorder radius="md" p="md">
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
                        {row.employerName}
                      </Table.Th>
                      <Table.Td>
                        <Badge variant="light" color={COLORS[row.status]} radius="sm" tt="none" fw={600}>
                          {t(`placements.insurance.statuses.${row.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{row.certificate?.carrier ?? "—"}</Table.Td>
                      <Table.Td>{row.certificate?.policyNumber ?? "—"}</Table.Td>
                      <Table.Td>{row.certificate ? money.format(row.certificate.coverageAmount) : "—"}</Table.Td>
                      <Table.Td>{row.certificate ? day(row.certificate.expiresOn) : "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={insurance.data.page} pageSize={insurance.data.pageSize} total={insurance.data.total} onChange={setPage} />
          </>
        )}
      </Paper>
    </>
  );
}
