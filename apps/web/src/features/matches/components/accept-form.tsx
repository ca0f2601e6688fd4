import { AcceptMatch } from "@bridgework/domain";
import { Button, Group, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { fieldMessage } from "../../../lib/forms.ts";
import { applyServerErrors, localToIso, schemaResolver } from "../../../lib/schema-resolver.ts";

interface AcceptFormValues {
  scheduledAt: string;
}
const resolver = schemaResolver<AcceptFormValues, typeof AcceptMatch>(AcceptMatch, (v) => ({ scheduledAt: localToIso(v.scheduledAt) }));

/** The employer's yes, with the time now (→ scheduled, invites sent) or later (→ accepted). */
export function AcceptForm({ label, onAccept }: { label: string; onAccept: (input: AcceptMatch) => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm<AcceptFormValues, unknown, AcceptMatch>({ resolver, defaultValues: { scheduledAt: "" } });
  const submit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onAccept(input);
    } catch (error) {
      applyServerErrors<AcceptFormValues>(error, (name, e) => setError(name, e), ["scheduledAt"]);
      setFailure(error);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={label}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("brokering.matches.acceptWithTime")}
          type="datetime-local"
          aria-describedby={hintId}
          error={fieldMessage(t, i18n.language, formState.errors.scheduledAt, t("brokering.matches.acceptWithTime"))}
          {...register("scheduledAt")}
        />
        <Button type="submit" loading={formState.isSubmitting} color="teal.9">
          {t("brokering.matches.accept")}
        </Button>
      </Group>
      <Text id={hintId} size="xs" c="dimmed" mt={4} mb="xs">
        {t("brokering.matches.acceptHint")}
      </Text>
      {failure ? <ErrorAlert error={failure} /> : null}
    </form>
  );
}
