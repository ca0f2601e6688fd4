import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useDeleteStudent } from "../api/delete-student.ts";
import type { StudentRow } from "../api/get-students.ts";

/** Asks before deleting a student for good (coordinators, intermediaries); says what goes with them. */
export function DeleteStudentDialog({
  student,
  onClose,
  onDeleted,
}: {
  student: StudentRow | null;
  onClose: () => void;
  onDeleted: (name: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteStudent();
  const name = student ? `${student.firstName} ${student.lastName}` : "";
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ "aria-label": t("placements.common.close") }}
      opened={student !== null}
      onClose={close}
      title={t("erase.student.title", { name })}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t("erase.student.body", { name })}</Text>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t("erase.student.keep")}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => {
              if (!student) return;
              remove.mutate(student.id, {
                onSuccess: () => {
                  remove.reset();
                  onDeleted(name);
                },
              });
            }}
          >
            {t("erase.student.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
