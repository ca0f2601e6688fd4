import { z } from "zod";

export const DISTRICT_EXPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type DistrictExportStatus = (typeof DISTRICT_EXPORT_STATUSES)[number];

/** The steps a district export goes through, in order; the SPA words each one. */
export const DISTRICT_EXPORT_STEPS = [
  "queued",
  "students",
  "placements",
  "documents",
  "hours",
  "evaluations",
  "audit",
  "packing",
  "done",
] as const;
export type DistrictExportStep = (typeof DISTRICT_EXPORT_STEPS)[number];

/** How long a finished export can be downloaded before the expiry sweep deletes it. */
export const DISTRICT_EXPORT_KEEP_DAYS = 7;

/** One district export as its requester sees it: never the archive itself (that is the download). */
export const DistrictExport = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  status: z.enum(DISTRICT_EXPORT_STATUSES),
  progress: z.number().int().min(0).max(100).describe("Percent done"),
  step: z.enum(DISTRICT_EXPORT_STEPS),
  requestedBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().describe("When the archive is deleted (finished exports)"),
  size: z.number().int().nullable().describe("Bytes of the ZIP, once done"),
  fileName: z.string().nullable(),
});
export type DistrictExport = z.infer<typeof DistrictExport>;

export const DistrictExportParams = z.object({ id: z.uuid(), exportId: z.uuid() });
export type DistrictExportParams = z.infer<typeof DistrictExportParams>;
