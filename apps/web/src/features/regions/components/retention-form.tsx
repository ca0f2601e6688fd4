import type { Region } from "@bridgework/domain";
import { Alert, Button, Group, NumberInput, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useUpdateRegion } from "../api/region.ts";

/** How long the region keeps students after their last activity (1–50 years, or empty: until their district deletes them). */
export function RetentionForm({ region }: { region: Region }) {
  const { t } = useTranslation();
  const [years, setYears] = useState<number | "">(region.studentRetentionYears ?? "");
  const save = useUpdateRegion();
  const value = years === "" ? null : years;
  const fieldError =
    save.error instanceof ApiError
      ? save.error.errors.find((e) => e.path === "studentRetentionYears")?.message
      : undefined;
  return (
    <form
      aria-label={t("erase.retention.formLabel")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ studentRetentionYears: value });
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("erase.retention.title")}
        </Title>
        <NumberInput
          label={t("erase.retention.label")}
          description={t("erase.retention.hint")}
          value={years}
          onChange={(v) => setYears(typeof v === "number" ? v : v === "" ? "" : Number(v))}
          min={1}
          max={50}
          allowDecimal={false}
          allowNegative={false}
          error={fieldError}
          maw={260}
        />
        {save.isError && !fieldError ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <Alert color="green" role="status">
            {save.data.studentRetentionYears === null
              ? t("erase.retention.cleared")
              : t("erase.retention.saved", { count: save.data.studentRetentionYears })}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={value === region.studentRetentionYears}>
            {t("erase.retention.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
