import {
  addCounts,
  type Db,
  type ErasureCounts,
  eraseStudents,
  NO_ERASURE,
  organizations,
  students,
} from "@bridgework/db";
import { NotFound, type PersonActor, requireRole, RuleViolation, say } from "@bridgework/domain";
import { and, asc, eq, gt } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";

/** Students erased per transaction: short locks, steady progress, and a failure loses one batch at most. */
export const ERASE_BATCH = 200;

export interface DistrictErasure {
  districtId: string;
  districtName: string;
  total: number;
}

/**
 * Checks an erasure may start: the intermediary of the district's region (a coordinator may not
 * erase their own district: the region keeps the data under its agreement with the district), and
 * `confirm` is the district's exact name (422 with a per-field error otherwise, nothing erased).
 * Side effect: an audit row saying who started it and how many students it covers.
 */
export async function prepareDistrictErasure({
  ctx,
  districtId,
  confirm,
}: {
  ctx: Ctx;
  districtId: string;
  confirm: string;
}): Promise<DistrictErasure> {
  requireRole(ctx.actor, ["intermediary"]);
  const [district] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.id, districtId),
        eq(organizations.regionId, ctx.actor.regionId),
        eq(organizations.type, "district"),
      ),
    );
  if (!district) throw new NotFound("district");
  if (confirm !== district.name) {
    throw new RuleViolation("confirmation-mismatch", say("erase-confirm-mismatch", { name: district.name }), {}, [
      { path: "confirm", text: say("erase-confirm-field", { name: district.name }) },
    ]);
  }
  const total = await ctx.db.$count(
    students,
    and(eq(students.regionId, ctx.actor.regionId), eq(students.districtId, district.id)),
  );
  await audit(ctx.db, ctx.actor, "erase_start", "district", district.id, { students: total });
  return { districtId: district.id, districtName: district.name, total };
}

/**
 * Erases every student of the district, `ERASE_BATCH` per transaction, oldest id first, reporting
 * progress after each. Each batch commits on its own, so a run cut short is finished by running it
 * again (what was erased is gone; the rest is found again). Ends with an audit row of the counts.
 */
export async function runDistrictErasure({
  db,
  actor,
  erasure,
  onProgress,
}: {
  db: Db;
  actor: PersonActor;
  erasure: DistrictErasure;
  onProgress: (processed: number, counts: ErasureCounts) => void;
}): Promise<ErasureCounts> {
  let counts = { ...NO_ERASURE };
  let after: string | null = null;
  const started = Date.now();
  for (;;) {
    const from: string | null = after;
    const batch = await db
      .select({ id: students.id })
      .from(students)
      .where(
        and(
          eq(students.regionId, actor.regionId),
          eq(students.districtId, erasure.districtId),
          from ? gt(students.id, from) : undefined,
        ),
      )
      .orderBy(asc(students.id))
      .limit(ERASE_BATCH);
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    const done = await db.transaction((tx) =>
      eraseStudents(tx, { regionId: actor.regionId, studentIds: batch.map((s) => s.id) }),
    );
    counts = addCounts(counts, done);
    onProgress(counts.students, counts);
  }
  await audit(db, actor, "erase", "district", erasure.districtId, {
    ...counts,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  });
  return counts;
}
