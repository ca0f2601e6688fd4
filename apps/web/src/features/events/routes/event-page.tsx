import { type Event, EVENT_MACHINE, type EventAction, nextState } from "@bridgework/domain";
import { Alert, Anchor, Badge, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EventTabs } from "../../../components/events/event-tabs.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { useEvent } from "../../../hooks/use-event.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useTransition } from "../api/events-api.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";
import { RolesTable } from "../components/roles-table.tsx";
import { VolunteersSection } from "../components/volunteers-section.tsx";
import { STATUS_COLOR } from "../lib/status-color.ts";

const route = getRouteApi("/_app/events/$eventId");

/** The event's overview: facts, state buttons, the public sign-up link, roles and volunteers. */
export function EventPage() {
  const { t } = useTranslation();
  const { eventId } = route.useParams();
  const event = useEvent(eventId);
  const [notice, setNotice] = useState<string | null>(null);
  const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
  const done = (text: string) => {
    setNotice(text);
    focusAfter();
  };
  if (event.isPending) return <PageLoader />;
  if (event.isError)
    return <ErrorAlert error={event.error} title={t("events.loadFailed")} onRetry={() => void event.refetch()} />;
  const e = event.data;
  return (
    <>
      <PageHeader title={e.title} />
      <Stack gap="lg" maw={1040}>
        <EventTabs eventId={e.id} current="overview" />
        <div role="status" aria-live="polite" ref={resultRef} tabIndex={-1}>
          {notice ? (
            <Alert color="green" variant="light">
              {notice}
            </Alert>
          ) : null}
        </div>
        <Overview event={e} />
        {e.canManage ? (
          <StateButtons event={e} onDone={done} />
        ) : (
          <Text c="dimmed">{t("eventsAdmin.event.readOnly")}</Text>
        )}
        {e.canManage ? <SignUpLink path={e.signUpPath} /> : null}
        <section aria-labelledby="event-roles">
          <Title order={2} size="h3" id="event-roles" mb="sm">
            {t("eventsAdmin.event.roles")}
          </Title>
          <RolesTable event={e} onDone={done} />
        </section>
        {e.canManage ? (
          <section aria-labelledby="event-volunteers">
            <Title order={2} size="h3" id="event-volunteers" mb="sm">
              {t("eventsAdmin.event.volunteers")}
            </Title>
            <VolunteersSection event={e} onDone={done} />
          </section>
        ) : null}
      </Stack>
    </>
  );
}

function Overview({ event: e }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const fact = (label: string, value: React.ReactNode) => (
    <Group gap="xs" align="baseline" wrap="wrap">
      <Text fw={700} size="sm">
        {label}:
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="sm">
          <Text>{t(`events.kinds.${e.kind}`)}</Text>
          <Badge color={STATUS_COLOR[e.status]} variant="light">
            {t(`events.statuses.${e.status}`)}
          </Badge>
        </Group>
        {e.description ? <Text style={{ whiteSpace: "pre-wrap" }}>{e.description}</Text> : null}
        {fact(
          t("eventsAdmin.event.when"),
          `${formatDateTime(e.startsAt, i18n.language)} – ${formatDateTime(e.endsAt, i18n.language)}`,
        )}
        {fact(
          t("eventsAdmin.event.where"),
          <>
            {e.location ?? ""}
            {e.virtualUrl ? (
              <>
                {e.location ? " · " : ""}
                <Anchor href={e.virtualUrl} target="_blank" rel="noreferrer">
                  {t("eventsAdmin.event.online")}
                </Anchor>
              </>
            ) : null}
            {!e.location && !e.virtualUrl ? t("eventsAdmin.event.none") : null}
          </>,
        )}
        {fact(t("eventsAdmin.event.runBy"), e.districtName ?? t("eventsAdmin.event.region"))}
        {fact(
          t("eventsAdmin.event.schools"),
          e.schools.length === 0
            ? t("eventsAdmin.event.none")
            : e.schools
                .map((s) =>
                  s.arrivesAt
                    ? `${s.schoolName} (${formatDateTime(s.arrivesAt, i18n.language)}${s.leavesAt ? ` – ${formatDateTime(s.leavesAt, i18n.language)}` : ""})`
                    : s.schoolName,
                )
                .join("; "),
        )}
        {fact(
          t("eventsAdmin.event.pathways"),
          e.pathways.length === 0
            ? t("eventsAdmin.event.none")
            : e.pathways.map((p) => `${p.name} (${p.schoolName})`).join("; "),
        )}
      </Stack>
    </Paper>
  );
}

const ACTIONS: EventAction[] = ["open", "close", "reopen", "hold", "archive"];

function StateButtons({ event, onDone }: { event: Event; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const move = useTransition(event.id);
  const run = (action: EventAction) =>
    move.mutate(action, {
      onSuccess: (e) => onDone(t("eventsAdmin.event.statusChanged", { status: t(`events.statuses.${e.status}`) })),
    });
  const allowed = ACTIONS.filter((a) => nextState(EVENT_MACHINE, event.status, a) !== null);
  return (
    <Stack gap="xs">
      <Group gap="sm" role="group" aria-label={t("eventsAdmin.event.actions")}>
        {allowed.map((a) =>
          a === "hold" || a === "archive" ? (
            <ConfirmButton
              key={a}
              variant="light"
              label={t(`eventsAdmin.event.${a}`)}
              question={t(a === "hold" ? "eventsAdmin.event.confirmHold" : "eventsAdmin.event.confirmArchive")}
              onConfirm={() => run(a)}
            />
          ) : (
            <Button key={a} onClick={() => run(a)} loading={move.isPending && move.variables === a}>
              {t(`eventsAdmin.event.${a}`)}
            </Button>
          ),
        )}
      </Group>
      {move.isError ? <ErrorAlert error={move.error} /> : null}
    </Stack>
  );
}

function SignUpLink({ path }: { path: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${path}`;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput label={t("eventsAdmin.event.signUpLink")} value={url} readOnly style={{ flex: "1 1 260px" }} />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button variant="light" onClick={copy}>
            {copied ? t("eventsAdmin.event.copied") : t("eventsAdmin.event.copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
