import type { EventStudentRow } from "@bridgework/domain";
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { useRemoveStudent } from "../api/schedule.ts";

/** The students taking part: school, grade, pathway, badge code and interviews; those who run the event may remove one. */
export function StudentsTable({
  eventId,
  students,
  loading,
  canManage,
  onRemoved,
}: {
  eventId: string;
  students: readonly EventStudentRow[] | undefined;
  loading: boolean;
  canManage: boolean;
  onRemoved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveStudent(eventId);
  const name = (s: EventStudentRow) => `${s.firstName} ${s.lastName}`;
  const columns: DataTableColumn<EventStudentRow>[] = [
    {
      id: "name",
      header: t("eventSchedule.students.name"),
      cell: name,
      sortValue: (s) => `${s.lastName} ${s.firstName}`,
      rowHeader: true,
    },
    {
      id: "school",
      header: t("eventSchedule.students.school"),
      cell: (s) => s.schoolName,
      sortValue: (s) => s.schoolName,
    },
    { id: "grade", header: t("eventSchedule.students.grade"), cell: (s) => s.grade, sortValue: (s) => s.grade },
    {
      id: "pathway",
      header: t("eventSchedule.students.pathway"),
      cell: (s) => s.pathwayName ?? "—",
      sortValue: (s) => s.pathwayName,
    },
    { id: "badge", header: t("eventSchedule.students.badge"), cell: (s) => s.badgeCode },
    {
      id: "interviews",
      header: t("eventSchedule.students.interviews"),
      cell: (s) => s.interviews,
      sortValue: (s) => s.interviews,
    },
  ];
  if (canManage)
    columns.push({
      id: "actions",
      header: t("eventSchedule.students.remove"),
      headerHidden: true,
      cell: (s) => (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          aria-label={t("eventSchedule.students.removeLabel", { name: name(s) })}
          onClick={() =>
            remove.mutate(s.id, { onSuccess: () => onRemoved(t("eventSchedule.students.removed", { name: name(s) })) })
          }
        >
          {t("eventSchedule.students.remove")}
        </Button>
      ),
    });
  return (
    <DataTable
      caption={t("eventSchedule.students.caption", { count: students?.length ?? 0 })}
      columns={columns}
      data={students}
      loading={loading}
      rowKey={(s) => s.id}
      empty={t("eventSchedule.students.empty")}
      minWidth={640}
      maxHeight={480}
    />
  );
}
