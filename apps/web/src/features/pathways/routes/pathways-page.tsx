import { Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
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

  return (
    <>
      <PageHeader title={t("pathways.title")} intro={t("pathways.intro")} />
      <Paper withBorder radius="md" p="md">
        {pathways.isPending ? (
          <PageLoader />
        ) : pathways.isError ? (
          <ErrorAlert error={pathways.error} onRetry={() => void pathways.refetch()} />
        ) : pathways.data.items.length === 0 ? (
          <Text c="dimmed">{t("pathways.empty")}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
                <Table.Caption>{t("pathways.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("pathways.name")}</Table.Th>
                    <Table.Th scope="col">{t("pathways.sector")}</Table.Th>
                    <Table.Th scope="col">{t("pathways.school")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pathways.data.items.map((pathway) => (
                    <Table.Tr key={pathway.id}>
                      <Table.Th scope="row" fw={600}>
                        {pathway.name}
                      </Table.Th>
                      <Table.Td>{labels.sector(pathway.sector)}</Table.Td>
                      <Table.Td>{nameOf(pathway.schoolId)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={pathways.data.page} pageSize={pathways.data.pageSize} total={pathways.data.total} onChange={setPage} />
          </>
        )}
      </Paper>
    </>
  );
}
