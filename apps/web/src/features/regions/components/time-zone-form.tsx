import type { Region } from "@bridgework/domain";
import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useUpdateRegion } from "../api/region.ts";

/** Every IANA zone this browser knows; the API accepts the same names. */
function zoneChoices(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}

/** Picks the region's zone from a searchable list, with the current time in it as a check. */
export function TimeZoneForm({ region }: { region: Region }) {
  const { t, i18n } = useTranslation();
  const zones = useMemo(() => zoneChoices(), []);
  const [timeZone, setTimeZone] = useState(region.timeZone);
  const save = useUpdateRegion();
  const now = useMemo(() => new Date().toISOString(), []);
  return (
    <form
      aria-label={t("regionSettings.formLabel")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ timeZone });
      }}
    >
      <Stack gap="sm">
        <Select
          label={t("regionSettings.timeZone")}
          description={t("regionSettings.timeZoneHint")}
          data={zones}
          value={timeZone}
          onChange={(value) => value && setTimeZone(value)}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t("regionSettings.noZone")}
          maxDropdownHeight={280}
          maw={420}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t("regionSettings.nowThere", { when: formatDateTime(now, i18n.language, timeZone) })}
        </Text>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <Alert color="green" role="status">
            {t("regionSettings.saved", { zone: save.data.timeZone })}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={timeZone === region.timeZone}>
            {t("regionSettings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
