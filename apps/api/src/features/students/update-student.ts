import { students } from "@bridgework/db";
import { requireRole, type UpdateStudent, say } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";
import { findSchoolInScope, guardianValues, type StudentValues, toStudent } from "./student.queries.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";

/**
 * Coordinator (own district) or intermediary edits a student. Moving to another school needs a
 * school the person may use; moving district keeps `localId` unique there (409). Side effect:
 * an audit row naming the changed fields, never their values.
 */
export async function updateStudent({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateStudent }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const school = input.schoolId ? await findSchoolInScope(ctx.db, actor, input.schoolId) : null;
  const set: Partial<StudentValues> = {
    ssid: input.ssid,
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate,
    grade: input.grade,
    ...(school ? { schoolId: school.id, districtId: school.districtId } : {}),
    ...(input.guardian !== undefined ? guardianValues(input.guardian) : {}),
    ...input.demographics,
  };
  const row = await ctx.db.transaction(async (tx) => {
    await findVisibleStudent(tx, actor, id);
    // An empty PATCH changes nothing; drizzle refuses an UPDATE without values.
    if (Object.values(set).some((v) => v !== undefined)) {
      await uniqueOrDuplicate(
        tx.update(students).set(set).where(eq(students.id, id)),
        say("student-local-id-taken-other"),
      );
    }
    await audit(tx, actor, "update", "student", id, { fields: Object.keys(input) });
    return findVisibleStudent(tx, actor, id);
  });
  return toStudent(row);
}
