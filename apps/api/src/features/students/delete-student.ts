import { placements, students } from "@bridgework/db";
import { requireRole } from "@bridgework/domain";
import { and, eq, ne } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { releasePlacementSeat } from "../placements/placement-seats.ts";
import { findVisibleStudent } from "./student.queries.ts";

/**
 * A district deletes a student's data (domain.md, Privacy): the coordinator of the student's
 * district or the intermediary. Placements and everything under them (documents, signatures,
 * links, hours, evaluations) go with it by ON DELETE CASCADE. Every placement but a withdrawn
 * one holds a seat (completed ones included, as with matches), so those seats are given back
 * first. Side effect: an audit row with no personal data.
 */
export async function deleteStudent({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const { student } = await findVisibleStudent(tx, actor, id);
    // Placement rows first, then opportunities, the order withdraw locks in: no deadlock with
    // it, and a placement withdrawn meanwhile is not given back twice.
    const held = await tx
      .select({ opportunityId: placements.opportunityId })
      .from(placements)
      .where(and(eq(placements.studentId, id), ne(placements.status, "withdrawn")))
      .for("update");
    for (const p of held) await releasePlacementSeat(tx, p.opportunityId);
    await tx.delete(students).where(eq(students.id, id));
    await audit(tx, actor, "delete", "student", id, { schoolId: student.schoolId, placements: held.length });
  });
}
