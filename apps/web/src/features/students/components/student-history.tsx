import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type HistoryEntry, useStudentHistory } from "../api/get-student-history.ts";

const ACTIONS = ["read", "list", "create", "update", "delete", "export", "import", "resend", "log_hours", "activate", "complete", "withdraw", "insurance_override"] as const;
const ENTITIES = ["student", "placement", "document"] as const;
const known = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Who read or changed a student's record, with their organization, newest first (GET /api/audit). */
export function StudentHistory({ studentId, name }: { studentId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const history = useStudentHistory(studentId);
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <Text c="dimmed">{t("privacy.history.empty")}</Text>;
  const what = (e: HistoryEntry) => {
    const action = known(ACTIONS, e.action) ? t(`privacy.history.actions.${e.action}`) : e.action;
    const entity = known(ENTITIES, e.entity) ? t(`privacy.history.entities.${e.entity}`) : e.entity;
    return t("privacy.history.what", { action, entity });
  };
  const who = (e: HistoryEntry) => (e.actor ? (e.actor.organization ? t("privacy.history.who", { name: e.actor.name, organization: e.actor.organization.name }) : e.actor.name) : t("privacy.history.byLink"));
  return (
    <>
      <Text size="sm" mb="sm">
        {t("privacy.history.intro")}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table striped className="data-table" verticalSpacing="xs">
          <Table.Caption>{t("privacy.history.caption", { name, count: history.data.items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("privacy.history.when")}</Table.Th>
              <Table.Th scope="col">{t("privacy.history.whoColumn")}</Table.Th>
              <Table.Th scope="col">{t("privacy.history.whatColumn")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>{who(e)}</Table.Td>
                <Table.Td>{what(e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
