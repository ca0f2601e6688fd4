import { Stack } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EventTabs } from "../../../components/events/event-tabs.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useEvent } from "../../../hooks/use-event.ts";
import { useBoard } from "../api/event-day.ts";
import { CheckInScan } from "../components/check-in-scan.tsx";
import { LiveBoard } from "../components/live-board.tsx";
import { PeopleLists } from "../components/people-lists.tsx";

const route = getRouteApi("/_app/events/$eventId/day");

/** The coordinator's phone on the day: check-in by badge or list, the live board, and no-shows. */
export function EventDayPage() {
  const { t } = useTranslation();
  const { eventId } = route.useParams();
  const event = useEvent(eventId);
  const board = useBoard(eventId);
  // The board carries everything the day needs; the event only gives the page its title.
  return (
    <>
      <PageHeader
        title={event.data ? t("eventDay.title", { title: event.data.title }) : t("events.tabs.day")}
        intro={t("eventDay.intro")}
        actions={<EventTabs eventId={eventId} current="day" />}
      />
      <Stack gap="xl" maw={1100}>
        <CheckInScan eventId={eventId} />
        {board.isPending ? (
          <PageLoader />
        ) : board.isError ? (
          <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
        ) : (
          <>
            <LiveBoard board={board.data} />
            <PeopleLists eventId={eventId} board={board.data} />
          </>
        )}
      </Stack>
    </>
  );
}
