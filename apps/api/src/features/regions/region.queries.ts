import type { regions } from "@bridgework/db";
import type { Region } from "@bridgework/domain";

export type RegionRow = typeof regions.$inferSelect;

export function toRegion(row: RegionRow): Region {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timeZone: row.timeZone,
    studentRetentionYears: row.studentRetentionYears,
    updatedAt: row.updatedAt.toISOString(),
  };
}
