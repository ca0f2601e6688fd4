import { Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
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
  if (items.length === 0) return <Text c="dimmed">{t("placements.students.empty")}</Text>;
  const full = items.some(isFullStudent);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
        <Table.Caption>{t("placements.students.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("placements.students.name")}</Table.Th>
            <Table.Th scope="col">{t("placements.students.localId")}</Table.Th>
            <Table.Th scope="col">{t("placements.students.grade")}</Table.Th>
            <Table.Th scope="col">{t("placements.students.school")}</Table.Th>
            {full ? <Table.Th scope="col">{t("placements.students.birthDate")}</Table.Th> : null}
            {full ? <Table.Th scope="col">{t("placements.students.guardian")}</Table.Th> : null}
            {onEdit || onHistory ? <Table.Th scope="col">{t("placements.students.actions")}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Th scope="row" fw={600}>
                {s.lastName}, {s.firstName}
              </Table.Th>
              <Table.Td>{s.localId}</Table.Td>
              <Table.Td>{s.grade}</Table.Td>
              <Table.Td>{s.schoolName}</Table.Td>
              {full ? <Table.Td>{isFullStudent(s) ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${s.birthDate}T12:00:00Z`)) : "—"}</Table.Td> : null}
              {full ? (
                <Table.Td>
                  {isFullStudent(s) && s.guardian ? `${s.guardian.name} · ${t(`placements.students.languages.${s.guardian.language}`)}` : "—"}
                </Table.Td>
              ) : null}
              {onEdit || onHistory || onDelete ? (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {onEdit ? (
                      <Button size="xs" variant="default" onClick={() => onEdit(s)} aria-label={`${t("placements.students.edit")} ${s.firstName} ${s.lastName}`}>
                        {t("placements.students.edit")}
                      </Button>
                    ) : null}
                    {onHistory ? (
                      <Button size="xs" variant="subtle" onClick={() => onHistory(s)} aria-label={t("privacy.history.openLabel", { name: `${s.firstName} ${s.lastName}` })}>
                        {t("privacy.history.open")}
                      </Button>
                    ) : null}
                    {onDelete ? (
                      <Button size="xs" variant="outline" color="red.9" onClick={() => onDelete(s)} aria-label={t("erase.student.deleteLabel", { name: `${s.firstName} ${s.lastName}` })}>
                        {t("erase.student.delete")}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
