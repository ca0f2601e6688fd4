import type { Region } from "@bridgework/domain";
import { Anchor, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The region's public "Get involved" address, for the intermediary to hand to employers. */
export function GetInvolvedLink({ region }: { region: Region }) {
  const { t } = useTranslation();
  const path = `/r/${encodeURIComponent(region.slug)}/get-involved`;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("getInvolved.share.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("getInvolved.share.intro")}
      </Text>
      <TextInput
        label={t("getInvolved.share.address")}
        readOnly
        value={`${window.location.origin}${path}`}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Anchor href={path} target="_blank" size="sm">
        {t("getInvolved.share.open")}
      </Anchor>
    </Stack>
  );
}
