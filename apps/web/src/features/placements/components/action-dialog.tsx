import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { dateOutOfRange, issueMessage, issueMessages } from "../../../lib/forms.ts";

export interface DialogField {
  name: string;
  label: string;
  kind: "text" | "textarea" | "date" | "number" | "select";
  options?: { value: string; label: string }[];
  required?: boolean;
  /** For dates: the first and last allowed day (YYYY-MM-DD). */
  min?: string;
  max?: string;
}

interface ActionDialogProps<S extends z.ZodType> {
  title: string;
  submitLabel: string;
  fields: DialogField[];
  initial: Record<string, string>;
  schema: S;
  /** Form strings → the API body the schema checks. */
  toInput: (values: Record<string, string>) => unknown;
  onSubmit: (input: z.output<S>) => Promise<unknown>;
  onClose: () => void;
}

/** A small modal form for one placement action, checked by the shared schema, with server field errors beside the fields. */
export function ActionDialog<S extends z.ZodType>({
  title,
  submitLabel,
  fields,
  initial,
  schema,
  toInput,
  onSubmit,
  onClose,
}: ActionDialogProps<S>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = schema.safeParse(toInput(values));
    const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
    const next: Record<string, string> = parsed.success
      ? {}
      : (issueMessages(t, parsed.error.issues, labels, values, (p) => p.split(".")[0] || fields[0]!.name) as Record<
          string,
          string
        >);
    for (const f of fields) {
      const out = f.kind === "date" ? dateOutOfRange(values[f.name] ?? "", f.min, f.max) : undefined;
      if (out) next[f.name] ??= issueMessage(t, out, f.label);
    }
    if (!parsed.success || Object.keys(next).length > 0) {
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
      onClose();
    } catch (error) {
      const next: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const fe of error.errors) if (fields.some((f) => f.name === fe.path)) next[fe.path] = fe.message;
      setErrors(next);
      if (Object.keys(next).length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ "aria-label": t("placements.common.close") }} opened onClose={onClose} title={title}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {failure ? <ErrorAlert error={failure} /> : null}
          {fields.map((f) => {
            const common = {
              label: f.label,
              required: f.required,
              error: errors[f.name],
              value: values[f.name] ?? "",
              onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
                const value = event.currentTarget.value;
                setValues((v) => ({ ...v, [f.name]: value }));
              },
            };
            if (f.kind === "textarea") return <Textarea key={f.name} autosize minRows={2} {...common} />;
            if (f.kind === "select") return <NativeSelect key={f.name} data={f.options ?? []} {...common} />;
            return (
              <TextInput
                key={f.name}
                type={f.kind}
                step={f.kind === "number" ? "0.25" : undefined}
                min={f.min}
                max={f.max}
                {...common}
              />
            );
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("placements.common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
