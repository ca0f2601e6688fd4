import { DISTRICT_EXPORT_STATUSES, DISTRICT_EXPORT_STEPS } from "@bridgework/domain";
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.ts";
import { organizations, regions, users } from "./identity.ts";

export const districtExportStatusEnum = pgEnum("district_export_status", DISTRICT_EXPORT_STATUSES);
export const districtExportStepEnum = pgEnum("district_export_step", DISTRICT_EXPORT_STEPS);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * A district's export of everything about its students (FERPA, SOPIPA, the NDPA), built by a
 * job. The ZIP is kept in the row (bytea): every API instance can serve it, and nothing lives on
 * one machine's disk. Lists select the other columns only, so they never read the bytes. The
 * expiry sweep deletes the row `expiresAt` after it is done (the archive names every student).
 */
export const districtExports = pgTable(
  "district_exports",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    districtId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: districtExportStatusEnum().notNull().default("queued"),
    step: districtExportStepEnum().notNull().default("queued"),
    progress: smallint().notNull().default(0),
    /** For the operator only (the log has the rest); the requester sees "failed". */
    error: text(),
    fileName: text(),
    size: integer(),
    sha256: text(),
    /** File → row count, as in the ZIP's manifest.json. */
    counts: jsonb().$type<Record<string, number>>(),
    content: bytea(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.districtId, t.createdAt),
    index().on(t.regionId),
    index().on(t.requestedBy),
    index().on(t.expiresAt),
  ],
);
