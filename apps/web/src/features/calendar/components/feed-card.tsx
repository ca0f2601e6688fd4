import { Alert, Button, CopyButton, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { formatDate } from "../../../lib/format.ts";
import { useCalendarFeed, useResetCalendarFeed, useTurnOffCalendarFeed } from "../api/calendar-feed.ts";

/** The private iCalendar link: made or reset (shown once, with a copy button), or turned off. */
export function FeedCard() {
  const { t, i18n } = useTranslation();
  const feed = useCalendarFeed();
  const reset = useResetCalendarFeed();
  const turnOff = useTurnOffCalendarFeed();
  const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
  // The URL exists only in the answer that made it (the server keeps its hash): shown until turned off.
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const active = feed.data?.active ?? false;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="feed-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="feed-heading">
          {t("waiting.calendar.feed.title")}
        </Title>
        <Text size="sm">{t("waiting.calendar.feed.intro")}</Text>
        <List size="sm">
          <List.Item>{t("waiting.calendar.feed.google")}</List.Item>
          <List.Item>{t("waiting.calendar.feed.outlook")}</List.Item>
        </List>
        <div ref={resultRef} tabIndex={-1}>
          {reset.isError ? <ErrorAlert error={reset.error} /> : null}
          {turnOff.isError ? <ErrorAlert error={turnOff.error} /> : null}
          {shownUrl ? (
            <Stack gap="xs">
              <Alert color="green" variant="light">
                {t("waiting.calendar.feed.made")}
              </Alert>
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  className="calendar-feed-url"
                  label={t("waiting.calendar.feed.url")}
                  value={shownUrl}
                  readOnly
                  onFocus={(e) => e.currentTarget.select()}
                  style={{ flex: "1 1 16rem" }}
                />
                <CopyButton value={shownUrl}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy}>
                      {copied ? t("waiting.calendar.feed.copied") : t("waiting.calendar.feed.copy")}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          ) : feed.isSuccess ? (
            <Text size="sm" c="dimmed">
              {turnedOff
                ? t("waiting.calendar.feed.turnedOff")
                : active
                  ? t("waiting.calendar.feed.active", { date: formatDate(feed.data.createdAt, i18n.language) })
                  : t("waiting.calendar.feed.off")}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          <Button
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(undefined, {
                onSuccess: (made) => {
                  setShownUrl(made.url);
                  setTurnedOff(false);
                  focusAfter();
                },
              })
            }
          >
            {active || shownUrl ? t("waiting.calendar.feed.reset") : t("waiting.calendar.feed.make")}
          </Button>
          {active ? (
            <Button
              variant="outline"
              color="red.9"
              loading={turnOff.isPending}
              onClick={() =>
                turnOff.mutate(undefined, {
                  onSuccess: () => {
                    setShownUrl(null);
                    setTurnedOff(true);
                    focusAfter();
                  },
                })
              }
            >
              {t("waiting.calendar.feed.turnOff")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
