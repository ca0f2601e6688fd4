import type { CompleteMatch } from "@bridgework/domain";
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { applyServerErrors } from "../../../lib/schema-resolver.ts";

interface CompleteFormValues {
  attendedStudents: string;
}

/** The school side records that the visit happened and how many students came (→ completed). */
export function CompleteForm({
  students,
  seats,
  onComplete,
}: {
  students: number;
  seats: number;
  onComplete: (input: CompleteMatch) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm<CompleteFormValues>({
    defaultValues: { attendedStudents: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onComplete({ attendedStudents: Number(values.attendedStudents) });
    } catch (error) {
      applyServerErrors<CompleteFormValues>(error, (name, e) => setError(name, e), ["attendedStudents"]);
      setFailure(error);
    }
  });
  const whole = (value: string) =>
    (/^\d+$/.test(value.trim()) && Number(value) <= 1000) || t("rating.complete.attendanceWhole");
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("rating.complete.title")}>
      <Stack gap="xs">
        <Text size="sm">{t("rating.complete.intro")}</Text>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t("rating.complete.attendance")}
            type="number"
            inputMode="numeric"
            min={0}
            max={1000}
            step={1}
            w={220}
            withAsterisk
            aria-describedby={hintId}
            // Worded in the reader's language already (rules below, or the server's field error).
            error={formState.errors.attendedStudents?.message}
            {...register("attendedStudents", { required: t("rating.complete.attendanceRequired"), validate: whole })}
          />
          <Button type="submit" mt={25} loading={formState.isSubmitting} color="teal.9">
            {t("rating.complete.submit")}
          </Button>
        </Group>
        <Text id={hintId} size="xs" c="dimmed">
          {t("rating.complete.attendanceHint", { students, seats })}
        </Text>
        {failure ? <ErrorAlert error={failure} /> : null}
      </Stack>
    </form>
  );
}
