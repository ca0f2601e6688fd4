import { AcceptMatch } from "@bridgework/domain";
import { Button, Group, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { displayTimeZone, formatDate } from "../../../lib/format.ts";
import { fieldMessage } from "../../../lib/forms.ts";
import { applyServerErrors, schemaResolver } from "../../../lib/schema-resolver.ts";
import { zonedLocalToIso, zoneName } from "../../../lib/zoned-time.ts";

interface AcceptFormValues {
  scheduledAt: string;
}
// The time typed is the region's wall-clock time, like the window's days and the invites.
const resolver = schemaResolver<AcceptFormValues, typeof AcceptMatch>(AcceptMatch, (v) => ({
  scheduledAt: zonedLocalToIso(v.scheduledAt, displayTimeZone()),
}));

interface AcceptFormProps {
  label: string;
  /** The teacher's window (YYYY-MM-DD days): the picker offers only its days, and the server refuses a time outside it. */
  window: { windowStart: string; windowEnd: string };
  onAccept: (input: AcceptMatch) => Promise<unknown>;
}

/** The employer's yes, with the time now (→ scheduled, invites sent) or later (→ accepted). */
export function AcceptForm({ label, window, onAccept }: AcceptFormProps) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState } = useForm<AcceptFormValues, unknown, AcceptMatch>({
    resolver,
    defaultValues: { scheduledAt: "" },
  });
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
          label={t("asks.accept.label")}
          type="datetime-local"
          // A date-time field is wider than a phone's card by default: let it shrink to the card.
          style={{ flex: "1 1 14rem", minWidth: 0, maxWidth: "100%" }}
          styles={{ input: { minWidth: 0 } }}
          min={`${window.windowStart}T00:00`}
          max={`${window.windowEnd}T23:59`}
          aria-describedby={hintId}
          error={fieldMessage(t, i18n.language, formState.errors.scheduledAt, t("brokering.matches.acceptWithTime"))}
          {...register("scheduledAt")}
        />
        <Button type="submit" loading={formState.isSubmitting} color="teal.9">
          {t("brokering.matches.accept")}
        </Button>
      </Group>
      <Text id={hintId} size="xs" c="dimmed" mt={4} mb="xs">
        {t("asks.accept.windowHint", {
          start: formatDate(window.windowStart, i18n.language),
          end: formatDate(window.windowEnd, i18n.language),
          zone: zoneName(displayTimeZone(), i18n.language),
        })}
      </Text>
      {failure ? <ErrorAlert error={failure} /> : null}
    </form>
  );
}
