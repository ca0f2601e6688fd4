import { students } from "@bridgework/db";
import { requireRole, type StudentListQuery } from "@bridgework/domain";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { studentFor } from "./student.queries.ts";
import { findVisibleStudent, selectStudents, visibleStudents } from "../../lib/queries/students.ts";

const READERS = ["teacher", "coordinator", "intermediary"] as const;

/**
 * Students the person may see, by name. Side effect: one `read` audit row naming the filter
 * and the ids shown, written in the same transaction as the read (no audit, no data).
 */
export async function listStudents({ ctx, input }: { ctx: Ctx; input: StudentListQuery }) {
  requireRole(ctx.actor, READERS);
  const actor = ctx.actor;
  const q = input.q ? `%${input.q.replace(/[%_\\]/g, "\\$&")}%` : null;
  const where = and(
    visibleStudents(actor),
    input.schoolId ? eq(students.schoolId, input.schoolId) : undefined,
    input.grade ? eq(students.grade, input.grade) : undefined,
    q ? or(ilike(students.lastName, q), ilike(students.firstName, q), ilike(students.localId, q)) : undefined,
  );
  return ctx.db.transaction(async (tx) => {
    const rows = await selectStudents(tx)
      .where(where)
      .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const [total] = await tx.select({ n: count() }).from(students).where(where);
    // Which filters were used, never the words typed: a search term may be a student's name.
    const { q: typed, ...filter } = input;
    await audit(tx, actor, "read", "student", null, {
      count: rows.length,
      filter: { ...filter, searched: Boolean(typed) },
      ids: rows.map((r) => r.student.id),
    });
    return {
      items: rows.map((r) => studentFor(actor, r)),
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
    };
  });
}

/** One student; teachers get the limited view. Side effect: a `read` audit row with the id. */
export async function getStudent({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, READERS);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const row = await findVisibleStudent(tx, actor, id);
    await audit(tx, actor, "read", "student", id);
    return studentFor(actor, row);
  });
}
