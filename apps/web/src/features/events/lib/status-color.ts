import type { EventStatus } from "@bridgework/domain";

/** Badge colours with enough contrast on their light variant. */
export const STATUS_COLOR: Record<EventStatus, string> = {
  draft: "gray",
  open: "green",
  closed: "orange",
  held: "blue",
  archived: "dark",
};
