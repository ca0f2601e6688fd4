import { isScheduledEvent, type ScheduleBuilt, type ScheduleGrouping } from "@bridgework/domain";
import { Alert, Stack, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EventTabs } from "../../../components/events/event-tabs.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useEvent } from "../../../hooks/use-event.ts";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { useEventStudents } from "../api/schedule.ts";
import { AddStudentsPanel } from "../components/add-students-panel.tsx";
import { BuildPanel } from "../components/build-panel.tsx";
import { DownloadsPanel } from "../components/downloads-panel.tsx";
import { ScheduleViewPanel } from "../components/schedule-view.tsx";
import { StudentsTable } from "../components/students-table.tsx";

const route = getRouteApi("/_app/events/$eventId/schedule");

/**
 * One event's students and schedule: those who run it add students, build the schedule and
 * print; a teacher of a taking-part school sees their own students, schedule and results.
 */
export function EventSchedulePage() {
  const { t } = useTranslation();
  const { eventId } = route.useParams();
  const event = useEvent(eventId);
  const students = useEventStudents(eventId);
  const [by, setBy] = useState<ScheduleGrouping>("student");
  const [built, setBuilt] = useState<ScheduleBuilt | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
  const announce = (text: string) => {
    setNotice(text);
    focusAfter();
  };

  if (event.isPending) return <PageLoader />;
  if (event.isError)
    return <ErrorAlert error={event.error} onRetry={() => void event.refetch()} title={t("events.loadFailed")} />;
  const e = event.data;
  const scheduled = isScheduledEvent(e.kind);

  return (
    <>
      <PageHeader title={`${e.title}: ${t("eventSchedule.title")}`} intro={t("eventSchedule.intro")} />
      <Stack gap="lg" maw={1100}>
        <EventTabs eventId={eventId} current="schedule" />
        <div role="status" aria-live="polite" ref={resultRef} tabIndex={-1}>
          {notice ? (
            <Alert color="green" variant="light">
              {notice}
            </Alert>
          ) : null}
        </div>
        {e.canManage ? <AddStudentsPanel event={e} onAdded={announce} /> : null}
        {students.isError ? (
          <ErrorAlert
            error={students.error}
            onRetry={() => void students.refetch()}
            title={t("eventSchedule.loadFailed")}
          />
        ) : (
          <StudentsTable
            eventId={eventId}
            students={students.data?.items}
            loading={students.isPending}
            canManage={e.canManage}
            onRemoved={announce}
          />
        )}
        {!scheduled ? (
          <Text c="dimmed">{t("eventSchedule.build.notScheduled")}</Text>
        ) : (
          <>
            {e.canManage ? <BuildPanel event={e} result={built} onBuilt={setBuilt} /> : null}
            <ScheduleViewPanel eventId={eventId} by={by} onBy={setBy} />
          </>
        )}
        <DownloadsPanel eventId={eventId} by={by} canManage={e.canManage} />
      </Stack>
    </>
  );
}
