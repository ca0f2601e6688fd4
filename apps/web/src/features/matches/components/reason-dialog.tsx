import { ReasonInput } from "@bridgework/domain";
import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { schemaResolver } from "../../../lib/schema-resolver.ts";
import { applyProblemToForm, fieldMessage } from "../../../lib/forms.ts";

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onConfirm: (input: ReasonInput) => Promise<unknown>;
}

const reasonResolver = schemaResolver<ReasonInput, typeof ReasonInput>(ReasonInput, (v) => v);

/** Declining or cancelling always says why (the other side reads it); a modal keeps focus inside. */
export function ReasonDialog({ opened, title, onClose, onConfirm }: ReasonDialogProps) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ReasonInput>({ resolver: reasonResolver, defaultValues: { reason: "" } });
  const close = () => {
    reset();
    setFailure(null);
    onClose();
  };
  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onConfirm(input);
      close();
    } catch (error) {
      applyProblemToForm(error, setError, ["reason"]);
      setFailure(error);
    }
  });
  return (
    <Modal closeButtonProps={{ "aria-label": t("placements.common.close") }} opened={opened} onClose={close} title={title} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {failure ? <ErrorAlert error={failure} /> : null}
          <Textarea label={t("brokering.matches.reason")} description={t("brokering.matches.reasonHint")} required rows={3} data-autofocus error={fieldMessage(t, i18n.language, formState.errors.reason, t("brokering.matches.reason"))} {...register("reason")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("brokering.cancel")}
            </Button>
            <Button type="submit" color="red.9" loading={formState.isSubmitting}>
              {t("brokering.matches.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
