import { z } from "zod";

/** A region as people see it: every instant shown to its people is in `timeZone` (IANA). */
export const RegionRef = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() });
export type RegionRef = z.infer<typeof RegionRef>;

export const Region = RegionRef.extend({
  /** The region's public address part: its "Get involved" page is `/r/<slug>/get-involved`. */
  slug: z.string(),
  /** Students are erased this many years after their last activity (docs/privacy.md, Retention); null = kept. */
  studentRetentionYears: z.number().int().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Region = z.infer<typeof Region>;

/**
 * Only the shape is checked here; whether the zone exists is a rule the API checks against the
 * runtime's IANA database (422 with a per-field error), since zones differ between runtimes.
 */
export const UpdateRegion = z
  .object({
    timeZone: z.string().trim().min(1).max(64).optional(),
    /** Whole years, 1–50; null keeps students until a district deletes them. */
    studentRetentionYears: z.number().int().min(1).max(50).nullable().optional(),
  })
  .refine((v) => v.timeZone !== undefined || v.studentRetentionYears !== undefined, {
    message: "Change the time zone or the retention period",
    path: ["timeZone"],
  });
export type UpdateRegion = z.infer<typeof UpdateRegion>;
