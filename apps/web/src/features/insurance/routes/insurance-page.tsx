import { Paper, Stack, Title } from "@mantine/core";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { type EmployerInsurance, useInsurance } from "../api/get-insurance.ts";
import { BlockedPlacements } from "../components/blocked-placements.tsx";
import { EmployerInsurancePanel } from "../components/employer-insurance-panel.tsx";
import { CertificateStatusBadge } from "../components/status-badge.tsx";

/** Employers and their latest certificate, so expiring or missing insurance is seen before a placement needs it. */
function EmployersTable() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const insurance = useInsurance(page);
  const money = new Intl.NumberFormat(i18n.language, { style: "currency", currency: "USD", maximumFractionDigits: 0 });

  const columns: DataTableColumn<EmployerInsurance>[] = [
    {
      id: "employer",
      header: t("placements.insurance.employer"),
      rowHeader: true,
      sortValue: (row) => row.employerName,
      cell: (row) => (
        <AnchorLink to="/insurance/$employerId" params={{ employerId: row.employerId }}>
          {row.employerName}
        </AnchorLink>
      ),
    },
    {
      id: "status",
      header: t("placements.insurance.status"),
      sortValue: (row) => t(`insurance.statuses.${row.status}`),
      cell: (row) => <CertificateStatusBadge status={row.status} />,
    },
    {
      id: "carrier",
      header: t("placements.insurance.carrier"),
      sortValue: (row) => row.certificate?.carrier,
      cell: (row) => row.certificate?.carrier ?? "—",
    },
    {
      id: "policy",
      header: t("placements.insurance.policy"),
      sortValue: (row) => row.certificate?.policyNumber,
      cell: (row) => row.certificate?.policyNumber ?? "—",
    },
    {
      id: "coverage",
      header: t("placements.insurance.coverage"),
      sortValue: (row) => row.certificate?.coverageAmount,
      cell: (row) => (row.certificate ? money.format(row.certificate.coverageAmount) : "—"),
    },
    {
      id: "expires",
      header: t("placements.insurance.expires"),
      sortValue: (row) => row.certificate?.expiresOn,
      cell: (row) => (row.certificate ? formatDate(row.certificate.expiresOn, i18n.language) : "—"),
    },
  ];

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="employers-title">
      <Title order={2} size="h4" id="employers-title" mb="sm">
        {t("insurance.employers.title")}
      </Title>
      {insurance.isError ? (
        <ErrorAlert error={insurance.error} onRetry={() => void insurance.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t("placements.insurance.caption")}
            columns={columns}
            data={insurance.data?.items}
            rowKey={(row) => row.employerId}
            empty={t("placements.insurance.empty")}
            highlightOnHover={false}
            minWidth={640}
          />
          {insurance.data && insurance.data.items.length > 0 ? (
            <Pager
              page={insurance.data.page}
              pageSize={insurance.data.pageSize}
              total={insurance.data.total}
              onChange={setPage}
            />
          ) : null}
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
