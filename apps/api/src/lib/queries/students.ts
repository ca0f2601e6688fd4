import { type DbOrTx, organizations, students } from "@bridgework/db";
import { NotFound, type PersonActor } from "@bridgework/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const school = alias(organizations, "school");

export type StudentRow = typeof students.$inferSelect;

export type StudentWithSchool = { student: StudentRow; schoolName: string };

export function selectStudents(db: DbOrTx) {
  return db
    .select({ student: students, schoolName: school.name })
    .from(students)
    .innerJoin(school, eq(school.id, students.schoolId));
}

/**
 * Which students a person sees: intermediaries the region, coordinators their district,
 * teachers their school. Employers see students only through their placements.
 */
export function visibleStudents(actor: PersonActor): SQL {
  const region = eq(students.regionId, actor.regionId);
  switch (actor.role) {
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, eq(students.districtId, actor.organizationId))!;
    case "teacher":
      return and(region, eq(students.schoolId, actor.organizationId))!;
    case "employer":
      return sql`false`;
  }
}

/** One student the person may see, else 404 (missing and not-yours look the same). */
export async function findVisibleStudent(db: DbOrTx, actor: PersonActor, id: string): Promise<StudentWithSchool> {
  const [row] = await selectStudents(db).where(and(eq(students.id, id), visibleStudents(actor)));
  if (!row) throw new NotFound("student");
  return row;
}
