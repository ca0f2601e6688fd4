import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A button that asks first (destructive moves): the dialog names what happens. */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  ...props
}: ButtonProps & { label: string; question: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...props} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("eventsAdmin.event.confirmTitle")}>
        <Stack>
          <Text>{question}</Text>
          <Group>
            <Button
              color="red"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {t("eventsAdmin.event.confirm")}
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t("eventsAdmin.event.back")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
