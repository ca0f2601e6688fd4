import { List, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useLabels } from "../../../lib/labels.ts";
import type { CalpadsIssueRow } from "../api/get-calpads-validation.ts";
import { ScrollTable } from "../../../components/scroll-table.tsx";

/**
 * CALPADS readiness: each record the export leaves out, with the student (a link that opens
 * their edit form), the experience and the missing fields in words.
 */
export function CalpadsReadiness({ rows, withIssues }: { rows: CalpadsIssueRow[]; withIssues: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (withIssues === 0) return <Text size="sm">{t("students.calpads.readyAll")}</Text>;
  return (
    <>
      <ScrollTable label={t("students.calpads.caption")}>
        <Table className="data-table" striped>
          <Table.Caption>{t("students.calpads.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("students.calpads.student")}</Table.Th>
              <Table.Th scope="col">{t("students.calpads.school")}</Table.Th>
              <Table.Th scope="col">{t("students.calpads.experience")}</Table.Th>
              <Table.Th scope="col">{t("students.calpads.missing")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              return (
                <Table.Tr key={r.placementId}>
                  <Table.Th scope="row">
                    <AnchorLink to="/students" search={{ edit: r.studentId }}>
                      {r.lastName}, {r.firstName}
                    </AnchorLink>{" "}
                    <Text span size="xs" c="dimmed">
                      ({r.localId})
                    </Text>
                  </Table.Th>
                  <Table.Td>{r.school}</Table.Td>
                  <Table.Td>{labels.kind(r.kind)}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {r.reasons.map((reason) => (
                        <List.Item key={reason.code}>{t(`students.calpads.reasons.${reason.code}`)}</List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rows.length < withIssues ? (
        <Text size="sm" c="dimmed">
          {t("students.calpads.more", { shown: rows.length, total: withIssues })}
        </Text>
      ) : null}
    </>
  );
}
