import type { Student } from "@bridgework/domain";
import { Alert, Button, Group, Modal, NativeSelect, Paper, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useCurrentUser } from "../../../lib/session.ts";
import { useStudent } from "../api/get-student.ts";
import { isFullStudent, type StudentRow, useStudents } from "../api/get-students.ts";
import { useSchools } from "../../../hooks/use-schools.ts";
import { DeleteStudentDialog } from "../components/delete-student-dialog.tsx";
import { ImportPanel } from "../components/import-panel.tsx";
import { StudentForm } from "../components/student-form.tsx";
import { StudentHistory } from "../components/student-history.tsx";
import { StudentsTable } from "../components/students-table.tsx";

const route = getRouteApi("/_app/students");

/** The roster: coordinators and intermediaries manage it; teachers read their own school's students. */
export function StudentsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = user.role === "coordinator" || user.role === "intermediary";
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [grade, setGrade] = useState("");
  const [schoolId, setSchoolId] = useState("");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Student | "new" | null>(null);
  const [historyOf, setHistoryOf] = useState<StudentRow | null>(null);
  const [deleting, setDeleting] = useState<StudentRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const schools = useSchools();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // A link to one student (`?edit=<id>`) opens their edit form once they are loaded.
  const linked = useStudent(canEdit && search.edit ? search.edit : null);
  const shown: Student | "new" | null = editing ?? (search.edit && linked.data ? linked.data : null);
  const close = () => {
    setEditing(null);
    if (search.edit) void navigate({ search: {}, replace: true });
  };
  const students = useStudents({
    q: debouncedQ || undefined,
    grade: grade ? Number(grade) : undefined,
    schoolId: schoolId || undefined,
    page,
  });

  return (
    <>
      <PageHeader
        title={t("placements.students.title")}
        intro={canEdit ? t("placements.students.intro") : t("placements.students.introTeacher")}
        actions={
          canEdit ? (
            <Group mt="xs">
              <Button onClick={() => setEditing("new")}>{t("placements.students.add")}</Button>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {linked.isError ? <ErrorAlert error={linked.error} /> : null}
        {notice ? (
          <Alert role="status" color="green" variant="light">
            {notice}
          </Alert>
        ) : null}
        {canEdit ? <ImportPanel /> : null}
        <Paper withBorder radius="md" p="md">
          <Group align="flex-end" mb="md" gap="md">
            <TextInput
              label={t("placements.students.search")}
              type="search"
              value={q}
              onChange={(event) => {
                setQ(event.currentTarget.value);
                setPage(1);
              }}
              w={260}
            />
            <NativeSelect
              label={t("placements.students.grade")}
              value={grade}
              onChange={(event) => {
                setGrade(event.currentTarget.value);
                setPage(1);
              }}
              data={[
                { value: "", label: t("placements.students.allGrades") },
                ...[6, 7, 8, 9, 10, 11, 12].map((g) => ({ value: String(g), label: String(g) })),
              ]}
              w={160}
            />
            {canEdit ? (
              <NativeSelect
                label={t("placements.students.school")}
                value={schoolId}
                onChange={(event) => {
                  setSchoolId(event.currentTarget.value);
                  setPage(1);
                }}
                data={[
                  { value: "", label: t("placements.students.allSchools") },
                  ...(schools.data ?? []).map((s) => ({ value: s.id, label: s.name })),
                ]}
                w={240}
              />
            ) : null}
          </Group>
          {students.isPending ? (
            <PageLoader />
          ) : students.isError ? (
            <ErrorAlert error={students.error} onRetry={() => void students.refetch()} />
          ) : (
            <>
              <StudentsTable
                items={students.data.items}
                onEdit={canEdit ? (s) => isFullStudent(s) && setEditing(s) : undefined}
                onHistory={canEdit ? setHistoryOf : undefined}
                onDelete={
                  canEdit
                    ? (s) => {
                        setNotice(null);
                        setDeleting(s);
                      }
                    : undefined
                }
              />
              <Pager
                page={students.data.page}
                pageSize={students.data.pageSize}
                total={students.data.total}
                onChange={setPage}
              />
            </>
          )}
        </Paper>
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": t("placements.common.close") }}
        opened={shown !== null}
        onClose={close}
        size="lg"
        title={
          shown === "new" || shown === null
            ? t("placements.students.addTitle")
            : t("placements.students.editTitle", { name: `${shown.firstName} ${shown.lastName}` })
        }
      >
        {shown !== null && (shown === "new" || !schools.isPending) ? (
          <StudentForm student={shown === "new" ? null : shown} onDone={close} onCancel={close} />
        ) : null}
      </Modal>
      <Modal
        closeButtonProps={{ "aria-label": t("placements.common.close") }}
        opened={historyOf !== null}
        onClose={() => setHistoryOf(null)}
        size="lg"
        title={historyOf ? t("privacy.history.title", { name: `${historyOf.firstName} ${historyOf.lastName}` }) : ""}
      >
        {historyOf ? (
          <StudentHistory studentId={historyOf.id} name={`${historyOf.firstName} ${historyOf.lastName}`} />
        ) : null}
      </Modal>
      <DeleteStudentDialog
        student={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(name) => {
          setDeleting(null);
          setNotice(t("erase.student.deleted", { name }));
        }}
      />
    </>
  );
}
