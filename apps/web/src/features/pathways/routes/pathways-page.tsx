import type { Pathway } from "@bridgework/domain";
import { Paper } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useOrganizationNames } from "../../../hooks/use-organization-names.ts";
import { usePathways } from "../api/get-pathways.ts";
import { useLabels } from "../../../lib/labels.ts";

export function PathwaysPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [page, setPage] = useState(1);
  const pathways = usePathways(page);
  const nameOf = useOrganizationNames();
  const columns: DataTableColumn<Pathway>[] = [
    { id: "name", header: t("pathways.name"), rowHeader: true, sortValue: (p) => p.name, cell: (p) => p.name },
    {
      id: "sector",
      header: t("pathways.sector"),
      sortValue: (p) => labels.sector(p.sector),
      cell: (p) => labels.sector(p.sector),
    },
    {
      id: "school",
      header: t("pathways.school"),
      sortValue: (p) => nameOf(p.schoolId),
      cell: (p) => nameOf(p.schoolId),
    },
  ];

  return (
    <>
      <PageHeader title={t("pathways.title")} intro={t("pathways.intro")} />
      <Paper withBorder radius="md" p="md">
        {pathways.isError ? (
          <ErrorAlert error={pathways.error} onRetry={() => void pathways.refetch()} />
        ) : (
          <>
            <DataTable
              caption={t("pathways.caption")}
              columns={columns}
              data={pathways.data?.items}
              rowKey={(p) => p.id}
              empty={t("pathways.empty")}
              minWidth={560}
            />
            {pathways.data && pathways.data.items.length > 0 ? (
              <Pager
                page={pathways.data.page}
                pageSize={pathways.data.pageSize}
                total={pathways.data.total}
                onChange={setPage}
              />
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
