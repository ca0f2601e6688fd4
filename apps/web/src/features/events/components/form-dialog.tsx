import { Button, Group, Modal, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";

/**
 * The event page's dialogs (edit a role, add a volunteer, message volunteers): a modal form with
 * its fields, the server's problem under them, and the submit and "Go back" buttons.
 */
export function FormDialog({
  title,
  submitLabel,
  onSubmit,
  onClose,
  pending,
  error,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          {error ? <ErrorAlert error={error} /> : null}
          <Group>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("eventsAdmin.event.back")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
