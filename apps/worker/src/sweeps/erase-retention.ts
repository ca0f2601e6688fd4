import { addCounts, eraseStudents, NO_ERASURE, studentsDueForErasure } from "@bridgework/db";
import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

/** Students erased per transaction, and per run at most ERASE_PER_RUN: a backlog drains over a few runs. */
const BATCH = 200;
const ERASE_PER_RUN = 5_000;

/**
 * Regions with a retention period (`regions.student_retention_years`) lose their students that
 * many years after the students' last activity (docs/privacy.md, Retention), by the same routine
 * as deleting a student. Idempotent: an erased student is no longer found, and concurrent runs
 * lock the same rows in the same order, the second finding them gone. Each batch leaves an audit
 * row per region with the counts (no actor, no names). Returns how many students were erased.
 */
export const eraseRetention: Sweep = async ({ db, now }) => {
  let erased = 0;
  while (erased < ERASE_PER_RUN) {
    const due = await studentsDueForErasure(db, now, BATCH);
    if (due.length === 0) break;
    const byRegion = new Map<string, string[]>();
    for (const d of due) byRegion.set(d.regionId, [...(byRegion.get(d.regionId) ?? []), d.studentId]);
    let batch = 0;
    for (const [regionId, studentIds] of byRegion) {
      const counts = await db.transaction(async (tx) => {
        const counts = await eraseStudents(tx, { regionId, studentIds });
        if (counts.students > 0) {
          await tx.execute(sql`
            INSERT INTO audit_log (region_id, actor_user_id, action, entity, entity_id, details, at)
            VALUES (${regionId}, NULL, 'erase', 'student', NULL, ${JSON.stringify({ ...addCounts(NO_ERASURE, counts), sweep: "erase-retention" })}::jsonb, ${now})`);
        }
        return counts;
      });
      batch += counts.students;
    }
    erased += batch;
    // Nothing erased from a non-empty list: another run took them; stop rather than spin.
    if (batch === 0) break;
  }
  return erased;
};
