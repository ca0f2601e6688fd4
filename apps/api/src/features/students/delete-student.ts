import { eraseStudents } from "@bridgework/db";
import { requireRole } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";

/**
 * A district deletes a student's data (domain.md, Privacy): the coordinator of the student's
 * district or the intermediary. The same erasure as a district's (`eraseStudents`, docs/privacy.md
 * Erasure): every record naming the student goes (placements and everything under them, emails
 * about them), audit rows naming them are pseudonymized, and report totals stay. Side effect: an
 * audit row with counts and no personal data (not even the student's id).
 */
export async function deleteStudent({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const { student } = await findVisibleStudent(tx, actor, id);
    const counts = await eraseStudents(tx, { regionId: actor.regionId, studentIds: [id] });
    await audit(tx, actor, "delete", "student", null, { schoolId: student.schoolId, ...counts });
  });
}
