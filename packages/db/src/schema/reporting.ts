import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.ts";
import { regions, users } from "./identity.ts";

/** The region's Community Framework C6 self-assessment, one row per indicator per school year. */
export const selfAssessments = pgTable(
  "self_assessments",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    schoolYear: text().notNull(),
    indicator: text().notNull(),
    stage: smallint().notNull(),
    notes: text().notNull().default(""),
    evidence: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex().on(t.regionId, t.schoolYear, t.indicator), index().on(t.updatedBy), check("stage_range", sql`${t.stage} BETWEEN 1 AND 4`)],
);
