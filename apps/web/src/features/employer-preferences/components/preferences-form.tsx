import type { EmployerPreferences } from "@bridgework/domain";
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useUpdatePreferences } from "../api/preferences.ts";

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Engagement preferences: the employer's own ask cap (at most the region's), blackout months, preferred contact. */
export function PreferencesForm({ preferences }: { preferences: EmployerPreferences }) {
  const { t, i18n } = useTranslation();
  const [cap, setCap] = useState<number | "">(preferences.askCapPerMonth ?? "");
  const [months, setMonths] = useState<string[]>(preferences.blackoutMonths.map(String));
  const [contact, setContact] = useState<string | null>(preferences.preferredContactId);
  const save = useUpdatePreferences(preferences.organizationId);
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.errors.find((e) => e.path === path)?.message : undefined;
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(i18n.language === "es" ? "es-US" : "en-US", { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, m - 1, 15)),
    );
  const ceiling = preferences.regionAskCapPerMonth;
  return (
    <form
      aria-label={t("recognition.preferences.title")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          askCapPerMonth: cap === "" ? null : cap,
          blackoutMonths: months.map(Number),
          preferredContactId: contact,
        });
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h4">
          {t("recognition.preferences.title")}
        </Title>
        <NumberInput
          label={t("recognition.preferences.cap")}
          description={
            ceiling === null
              ? t("recognition.preferences.capHintNoCeiling")
              : t("recognition.preferences.capHint", { cap: ceiling })
          }
          value={cap}
          onChange={(v) => setCap(typeof v === "number" ? v : v === "" ? "" : Number(v))}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          error={fieldError("askCapPerMonth")}
          maw={320}
        />
        <Checkbox.Group
          label={t("recognition.preferences.blackout")}
          description={t("recognition.preferences.blackoutHint")}
          value={months}
          onChange={setMonths}
          error={fieldError("blackoutMonths")}
        >
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs">
            {MONTHS.map((m) => (
              <Checkbox key={m} value={String(m)} label={monthName(m)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <NativeSelect
          label={t("recognition.preferences.contact")}
          description={t("recognition.preferences.contactHint")}
          data={[
            { value: "", label: t("recognition.preferences.everyone") },
            ...preferences.contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
          ]}
          value={contact ?? ""}
          onChange={(event) => setContact(event.currentTarget.value || null)}
          error={fieldError("preferredContactId")}
          maw={420}
        />
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <Alert color="green" role="status">
            {t("recognition.preferences.saved")}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("recognition.preferences.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
