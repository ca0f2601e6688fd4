import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.ts";
import { regions, users } from "./identity.ts";

/**
 * A person's private iCalendar feed (subscribed to from Google Calendar or Outlook, which send no
 * login). Only the SHA-256 of the token is stored; resetting the link replaces the row's hash,
 * revoking deletes the row, so an old URL stops working at once.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    tokenHash: text().notNull().unique(),
    lastReadAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.regionId)],
);
