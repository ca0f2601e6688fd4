import { CancelRequestInput } from "@bridgework/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { applyProblemToForm, fieldMessage } from "../../../lib/forms.ts";

interface CancelRequestDialogProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: (input: CancelRequestInput) => Promise<unknown>;
}

/** "Cancel this request?": says what it undoes, takes an optional reason, and keeps focus inside. */
export function CancelRequestDialog({ opened, onClose, onConfirm }: CancelRequestDialogProps) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<CancelRequestInput>({ resolver: zodResolver(CancelRequestInput), defaultValues: { reason: "" } });
  const close = () => {
    reset();
    setFailure(null);
    onClose();
  };
  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onConfirm(input.reason ? input : {});
      close();
    } catch (error) {
      applyProblemToForm(error, setError, ["reason"]);
      setFailure(error);
    }
  });
  return (
    <Modal closeButtonProps={{ "aria-label": t("placements.common.close") }} opened={opened} onClose={close} title={t("asks.cancel.title")} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Text size="sm">{t("asks.cancel.body")}</Text>
          {failure ? <ErrorAlert error={failure} /> : null}
          <Textarea label={t("asks.cancel.reason")} description={t("asks.cancel.reasonHint")} rows={3} maxLength={1000} data-autofocus error={fieldMessage(t, i18n.language, formState.errors.reason)} {...register("reason")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("asks.cancel.keep")}
            </Button>
            <Button type="submit" color="red.9" loading={formState.isSubmitting}>
              {t("asks.cancel.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
