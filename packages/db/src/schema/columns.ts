import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });
/**
 * The transaction that last wrote the row (set on insert, kept by the `bw_stamp_change` trigger
 * on update). The API's in-memory catalog reads a region's rows changed since its last look by
 * it: every transaction older than that look's snapshot xmin had finished, so nothing is missed
 * (apps/api/src/lib/catalog/). 64 bits: it never wraps around.
 */
export const changedXact = () => xid8().notNull().default(sql`pg_current_xact_id()`);
