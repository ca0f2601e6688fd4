import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { applyProblemToForm, fieldMessage } from "../../lib/forms.ts";
import { schemaResolver } from "../../lib/schema-resolver.ts";
import { ErrorAlert } from "./error-alert.tsx";

interface ReasonForm {
  reason: string;
}

export interface ReasonDialogProps<S extends z.ZodType> {
  opened: boolean;
  title: string;
  /** What confirming undoes, above the field. */
  body?: ReactNode;
  /** The shared schema of `{ reason }`: it decides whether a reason is required. */
  schema: S;
  required: boolean;
  label: string;
  hint: string;
  keepLabel: string;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: (input: z.output<S>) => Promise<unknown>;
}

/** Declining, cancelling: a modal (focus stays inside) with a reason the other side reads; the API's problem lands next to the field. */
export function ReasonDialog<S extends z.ZodType>({
  opened,
  title,
  body,
  schema,
  required,
  label,
  hint,
  keepLabel,
  confirmLabel,
  onClose,
  onConfirm,
}: ReasonDialogProps<S>) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  // An empty optional reason is left out rather than sent as "".
  const { register, handleSubmit, setError, reset, formState } = useForm<ReasonForm, unknown, z.output<S>>({
    resolver: schemaResolver<ReasonForm, S>(schema, (v) => (v.reason.trim() === "" && !required ? {} : v)),
    defaultValues: { reason: "" },
  });
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
    <Modal
      closeButtonProps={{ "aria-label": t("placements.common.close") }}
      opened={opened}
      onClose={close}
      title={title}
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {body ? <Text size="sm">{body}</Text> : null}
          {failure ? <ErrorAlert error={failure} /> : null}
          <Textarea
            label={label}
            description={hint}
            required={required}
            rows={3}
            maxLength={1000}
            data-autofocus
            error={fieldMessage(t, i18n.language, formState.errors.reason, label)}
            {...register("reason")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {keepLabel}
            </Button>
            <Button type="submit" color="red.9" loading={formState.isSubmitting}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
