import { type Db, type ErasureCounts, NO_ERASURE } from "@bridgework/db";
import { NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { z } from "zod";
import { backgroundTaskKind, type TaskRow } from "../../lib/background-tasks.ts";
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

type Figures = ErasureCounts;

/**
 * District erasures, their progress a `background_tasks` row like imports: the erasure runs in
 * the process that took the request, and every API instance answers its progress URL. The work
 * is in the database (each batch commits), so a process that dies loses only the rest of the
 * work, and starting the erasure again finishes it. One erasure of a district runs at a time,
 * across instances (asking again while it runs follows the same one). Any intermediary of the
 * region may follow one; a finished one is forgotten after a day (its audit row stays).
 */
const erasures = backgroundTaskKind<Figures>({
  kind: "district-erasure",
  keepFinishedMs: 24 * 60 * 60 * 1000,
  diedDetail: "The server running the erasure stopped part-way; what was erased is gone. Start it again to finish.",
});

const statusOf = (task: TaskRow<Figures>): ErasureStatus => ({
  id: task.id,
  districtId: task.subjectId!,
  status: task.status,
  total: task.total,
  processed: task.processed,
  counts: Counts.parse(task.result),
  detail: task.detail,
});

export function createErasureTracker() {
  return {
    async start(ctx: Ctx, erasure: DistrictErasure): Promise<ErasureStatus> {
      const owner = { regionId: ctx.actor.regionId, userId: ctx.actor.userId, subjectId: erasure.districtId };
      const { task, started } = await erasures.create(ctx.db, owner, {
        total: erasure.total,
        result: { ...NO_ERASURE },
      });
      if (!started) return statusOf(task);
      const begun = Date.now();
      erasures.run(
        ctx.db,
        ctx.log,
        task,
        async (report) => {
          const counts = await runDistrictErasure({
            db: ctx.db,
            actor: ctx.actor,
            erasure,
            onProgress: (processed, counts) => report({ processed, result: counts }),
          });
          ctx.log.info(
            { erasureId: task.id, districtId: erasure.districtId, ...counts, ms: Date.now() - begun },
            "district erased",
          );
          return { processed: counts.students, result: counts };
        },
        (error, last) => {
          ctx.log.error({ err: error, erasureId: task.id }, "district erasure failed");
          return {
            detail:
              "The erasure stopped part-way; what was erased is gone. Start it again to finish. Quote the erasure id if you report it.",
            result: last.result,
          };
        },
      );
      return statusOf(task);
    },

    async get(db: Db, actor: PersonActor, districtId: string, id: string): Promise<ErasureStatus> {
      requireRole(actor, ["intermediary"]);
      const task = await erasures.find(db, id);
      if (!task || task.regionId !== actor.regionId || task.subjectId !== districtId) throw new NotFound("job");
      return statusOf(task);
    },
  };
}
