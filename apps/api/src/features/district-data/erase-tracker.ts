import { randomUUID } from "node:crypto";
import type { ErasureCounts } from "@bridgework/db";
import { NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { z } from "zod";
import type { Ctx } from "../../lib/context.ts";
import { type DistrictErasure, runDistrictErasure } from "./erase-district.ts";

const Counts = z.object({
  students: z.number().int(),
  placements: z.number().int(),
  documents: z.number().int(),
  emails: z.number().int(),
  outbox: z.number().int(),
  auditPseudonymized: z.number().int(),
  textsScrubbed: z.number().int(),
  reportRowsKept: z.number().int(),
});

export const ErasureStatus = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  status: z.enum(["running", "done", "failed"]),
  total: z.number().int().describe("Students of the district when the erasure started"),
  processed: z.number().int().describe("Students erased so far"),
  counts: Counts.describe("What was erased, pseudonymized and kept (report rows kept under a stand-in id)"),
  detail: z.string().nullable(),
});
export type ErasureStatus = z.infer<typeof ErasureStatus>;

const KEEP_FINISHED_MS = 24 * 60 * 60 * 1000;

/**
 * District erasures running or finished in this process, kept in memory like imports: the work
 * is in the database (each batch commits), so a restart loses only the progress figure, and
 * starting the erasure again finishes it. Any intermediary of the region may follow one; a
 * finished one is forgotten after a day (its audit row stays).
 */
export function createErasureTracker() {
  const jobs = new Map<string, { regionId: string; status: ErasureStatus; finishedAt: number | null }>();

  function prune(now: number) {
    for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }

  return {
    start(ctx: Ctx, erasure: DistrictErasure): ErasureStatus {
      prune(ctx.clock.now().getTime());
      // One erasure of a district at a time here: asking again while it runs follows the same one.
      for (const job of jobs.values()) if (job.status.districtId === erasure.districtId && job.status.status === "running") return job.status;
      const id = randomUUID();
      const empty: ErasureCounts = { students: 0, placements: 0, documents: 0, emails: 0, outbox: 0, auditPseudonymized: 0, textsScrubbed: 0, reportRowsKept: 0 };
      const job = {
        regionId: ctx.actor.regionId,
        status: { id, districtId: erasure.districtId, status: "running", total: erasure.total, processed: 0, counts: empty, detail: null } as ErasureStatus,
        finishedAt: null as number | null,
      };
      jobs.set(id, job);
      const started = Date.now();
      runDistrictErasure({ db: ctx.db, actor: ctx.actor, erasure, onProgress: (processed, counts) => (job.status = { ...job.status, processed, counts }) })
        .then((counts) => {
          job.status = { ...job.status, status: "done", processed: counts.students, counts };
          ctx.log.info({ erasureId: id, districtId: erasure.districtId, ...counts, ms: Date.now() - started }, "district erased");
        })
        .catch((error: unknown) => {
          ctx.log.error({ err: error, erasureId: id }, "district erasure failed");
          job.status = { ...job.status, status: "failed", detail: "The erasure stopped part-way; what was erased is gone. Start it again to finish. Quote the erasure id if you report it." };
        })
        .finally(() => (job.finishedAt = ctx.clock.now().getTime()));
      return job.status;
    },

    get(actor: PersonActor, districtId: string, id: string): ErasureStatus {
      requireRole(actor, ["intermediary"]);
      const job = jobs.get(id);
      if (!job || job.regionId !== actor.regionId || job.status.districtId !== districtId) throw new NotFound("job");
      return job.status;
    },
  };
}
