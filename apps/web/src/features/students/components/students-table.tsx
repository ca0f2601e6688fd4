import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { formatDate } from "../../../lib/format.ts";
import { isFullStudent, type StudentRow } from "../api/get-students.ts";

interface StudentsTableProps {
  items: StudentRow[];
  /** Absent for read-only viewers (teachers). */
  onEdit?: (student: StudentRow) => void;
  /** Who read or changed the record (coordinators, intermediaries). */
  onHistory?: (student: StudentRow) => void;
  /** Coordinators and intermediaries: asks, then deletes the student for good. */
  onDelete?: (student: StudentRow) => void;
}

export function StudentsTable({ items, onEdit, onHistory, onDelete }: StudentsTableProps) {
  const { t, i18n } = useTranslation();
  const full = items.some(isFullStudent);
  const columns: DataTableColumn<StudentRow>[] = [
    {
      id: "name",
      header: t("placements.students.name"),
      rowHeader: true,
      sortValue: (s) => `${s.lastName}, ${s.firstName}`,
      cell: (s) => `${s.lastName}, ${s.firstName}`,
    },
    { id: "localId", header: t("placements.students.localId"), sortValue: (s) => s.localId, cell: (s) => s.localId },
    { id: "grade", header: t("placements.students.grade"), sortValue: (s) => s.grade, cell: (s) => s.grade },
    {
      id: "school",
      header: t("placements.students.school"),
      sortValue: (s) => s.schoolName,
      cell: (s) => s.schoolName,
    },
  ];
  if (full) {
    columns.push(
      {
        id: "birthDate",
        header: t("placements.students.birthDate"),
        sortValue: (s) => (isFullStudent(s) ? s.birthDate : null),
        cell: (s) => (isFullStudent(s) ? formatDate(s.birthDate, i18n.language) : "—"),
      },
      {
        id: "guardian",
        header: t("placements.students.guardian"),
        cell: (s) =>
          isFullStudent(s) && s.guardian
            ? `${s.guardian.name} · ${t(`placements.students.languages.${s.guardian.language}`)}`
            : "—",
      },
    );
  }
  if (onEdit || onHistory || onDelete) {
    columns.push({
      id: "actions",
      header: t("placements.students.actions"),
      cell: (s) => (
        <Group gap="xs" wrap="nowrap">
          {onEdit ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => onEdit(s)}
              aria-label={`${t("placements.students.edit")} ${s.firstName} ${s.lastName}`}
            >
              {t("placements.students.edit")}
            </Button>
          ) : null}
          {onHistory ? (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => onHistory(s)}
              aria-label={t("privacy.history.openLabel", { name: `${s.firstName} ${s.lastName}` })}
            >
              {t("privacy.history.open")}
            </Button>
          ) : null}
          {onDelete ? (
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              onClick={() => onDelete(s)}
              aria-label={t("erase.student.deleteLabel", { name: `${s.firstName} ${s.lastName}` })}
            >
              {t("erase.student.delete")}
            </Button>
          ) : null}
        </Group>
      ),
    });
  }
  return (
    <DataTable
      caption={t("placements.students.caption")}
      columns={columns}
      data={items}
      rowKey={(s) => s.id}
      empty={t("placements.students.empty")}
      minWidth={640}
    />
  );
}
