import { students } from "@bridgework/db";
import { type CreateStudent, requireRole, say } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";
import { findSchoolInScope, toStudent, toStudentValues } from "./student.queries.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";

/**
 * A coordinator adds a student to a school of their district, an intermediary to any school
 * of the region. `localId` is unique per district (409 duplicate). Side effect: an audit row.
 */
export async function createStudent({ ctx, input }: { ctx: Ctx; input: CreateStudent }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const school = await findSchoolInScope(ctx.db, actor, input.schoolId);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await uniqueOrDuplicate(
      tx
        .insert(students)
        .values(toStudentValues(actor, school, input))
        .returning({ id: students.id }),
      say("student-local-id-taken", { localId: input.localId }),
    );
    await audit(tx, actor, "create", "student", created!.id, { schoolId: school.id });
    return findVisibleStudent(tx, actor, created!.id);
  });
  return toStudent(row);
}
