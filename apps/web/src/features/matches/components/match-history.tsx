import type { MatchEvent } from "@bridgework/domain";
import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format.ts";

/** Who moved the match, when, and why (notes carry decline and cancel reasons). */
export function MatchHistory({ events }: { events: MatchEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} component="ol" className="match-history">
      {events.map((e, i) => (
        <Timeline.Item
          component="li"
          key={`${e.at}-${i}`}
          title={`${t(`brokering.matchStatus.${e.toStatus}`)} · ${formatDateTime(e.at, i18n.language)}`}
        >
          <Text size="sm">
            {e.actor
              ? `${e.actor.name}${e.onBehalf ? ` (${t("brokering.matches.onBehalf")})` : ""}`
              : t("brokering.matches.system")}
          </Text>
          {e.note ? (
            <Text size="sm" c="dimmed">
              {e.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
