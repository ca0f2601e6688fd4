import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { type HistoryEntry, useStudentHistory } from "../api/get-student-history.ts";

const ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "delete",
  "export",
  "import",
  "resend",
  "log_hours",
  "activate",
  "complete",
  "withdraw",
  "insurance_override",
] as const;
const ENTITIES = ["student", "placement", "document"] as const;
const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Who read or changed a student's record, with their organization, newest first (GET /api/audit). */
export function StudentHistory({ studentId, name }: { studentId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const history = useStudentHistory(studentId);
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const what = (e: HistoryEntry) => {
    const action = known(ACTIONS, e.action) ? t(`privacy.history.actions.${e.action}`) : e.action;
    const entity = known(ENTITIES, e.entity) ? t(`privacy.history.entities.${e.entity}`) : e.entity;
    return t("privacy.history.what", { action, entity });
  };
  const who = (e: HistoryEntry) =>
    e.actor
      ? e.actor.organization
        ? t("privacy.history.who", { name: e.actor.name, organization: e.actor.organization.name })
        : e.actor.name
      : t("privacy.history.byLink");
  const items = history.data?.items;
  const columns: DataTableColumn<HistoryEntry>[] = [
    {
      id: "at",
      header: t("privacy.history.when"),
      sortValue: (e) => e.at,
      cell: (e) => formatDateTime(e.at, i18n.language),
    },
    { id: "who", header: t("privacy.history.whoColumn"), sortValue: who, cell: who },
    { id: "what", header: t("privacy.history.whatColumn"), sortValue: what, cell: what },
  ];
  return (
    <>
      {items && items.length > 0 ? (
        <Text size="sm" mb="sm">
          {t("privacy.history.intro")}
        </Text>
      ) : null}
      <DataTable
        caption={t("privacy.history.caption", { name, count: items?.length ?? 0 })}
        columns={columns}
        data={items}
        rowKey={(e) => String(e.id)}
        empty={t("privacy.history.empty")}
        loadingLabel={t("privacy.history.loading", { name })}
        striped
        highlightOnHover={false}
        verticalSpacing="xs"
        minWidth={320}
      />
    </>
  );
}
