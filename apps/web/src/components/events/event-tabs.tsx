import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../brokering/anchor-link.tsx";

export type EventTab = "overview" | "schedule" | "day";

/**
 * The sections of one event, as links (each is its own page and address, so a phone can keep
 * "Day of the event" open). The current one is marked with aria-current.
 */
export function EventTabs({ eventId, current }: { eventId: string; current: EventTab }) {
  const { t } = useTranslation();
  const link = (tab: EventTab, to: "/events/$eventId" | "/events/$eventId/schedule" | "/events/$eventId/day") => (
    <AnchorLink
      key={tab}
      to={to}
      params={{ eventId }}
      fw={tab === current ? 700 : 400}
      underline={tab === current ? "always" : "hover"}
      aria-current={tab === current ? "page" : undefined}
    >
      {t(`events.tabs.${tab}`)}
    </AnchorLink>
  );
  return (
    <nav aria-label={t("events.tabs.label")}>
      <Group gap="lg" wrap="wrap">
        {link("overview", "/events/$eventId")}
        {link("schedule", "/events/$eventId/schedule")}
        {link("day", "/events/$eventId/day")}
      </Group>
    </nav>
  );
}
