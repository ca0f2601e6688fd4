import { type DbOrTx, organizations, type students } from "@bridgework/db";
import {
  type CreateStudent,
  type Guardian,
  NotFound,
  type PersonActor,
  type Student,
  type StudentForTeacher,
} from "@bridgework/domain";
import { and, asc, eq } from "drizzle-orm";
import type { StudentWithSchool } from "../../lib/queries/students.ts";

export type SchoolRow = { id: string; name: string; districtId: string; localCode: string | null };

/** Demographics are never mapped: they leave the database only as report aggregates or in the district's own export. */
export function toStudent({ student: s, schoolName }: StudentWithSchool): Student {
  return {
    id: s.id,
    localId: s.localId,
    ssid: s.ssid,
    firstName: s.firstName,
    lastName: s.lastName,
    birthDate: s.birthDate,
    grade: s.grade,
    schoolId: s.schoolId,
    schoolName,
    guardian:
      s.guardianName && s.guardianEmail
        ? { name: s.guardianName, email: s.guardianEmail, phone: s.guardianPhone, language: s.guardianLanguage }
        : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Teachers get names and grade only: no birth date, guardian contact or state id. */
export function toStudentForTeacher({ student: s, schoolName }: StudentWithSchool): StudentForTeacher {
  return {
    id: s.id,
    localId: s.localId,
    firstName: s.firstName,
    lastName: s.lastName,
    grade: s.grade,
    schoolId: s.schoolId,
    schoolName,
  };
}

export function studentFor(actor: PersonActor, row: StudentWithSchool): Student | StudentForTeacher {
  return actor.role === "teacher" ? toStudentForTeacher(row) : toStudent(row);
}

/** Schools a coordinator (own district) or intermediary (region) may put students in. */
export async function schoolsInScope(db: DbOrTx, actor: PersonActor, id?: string): Promise<SchoolRow[]> {
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      districtId: organizations.parentId,
      localCode: organizations.localCode,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.regionId, actor.regionId),
        eq(organizations.type, "school"),
        actor.role === "coordinator" ? eq(organizations.parentId, actor.organizationId) : undefined,
        id ? eq(organizations.id, id) : undefined,
      ),
    )
    .orderBy(asc(organizations.name));
  // A school always has its district (CHECK school_has_district).
  return rows.map((r) => ({ ...r, districtId: r.districtId! }));
}

/** A school the person may put a student in; another district's or region's school is 404, like a missing one. */
export async function findSchoolInScope(db: DbOrTx, actor: PersonActor, id: string): Promise<SchoolRow> {
  const [found] = await schoolsInScope(db, actor, id);
  if (!found) throw new NotFound("school");
  return found;
}

export type StudentValues = typeof students.$inferInsert;

/** Column values for a new student; region and district come from the actor and the school, never from the body. */
export function toStudentValues(actor: PersonActor, school: SchoolRow, input: CreateStudent): StudentValues {
  const d = input.demographics;
  return {
    regionId: actor.regionId,
    districtId: school.districtId,
    schoolId: school.id,
    localId: input.localId,
    ssid: input.ssid ?? null,
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate,
    grade: input.grade,
    ...guardianValues(input.guardian),
    gender: d?.gender ?? null,
    raceEthnicity: d?.raceEthnicity ?? null,
    englishLearner: d?.englishLearner ?? null,
    disability: d?.disability ?? null,
    lowIncome: d?.lowIncome ?? null,
  };
}

export function guardianValues(g: Guardian | null | undefined) {
  return {
    guardianName: g?.name ?? null,
    guardianEmail: g?.email ?? null,
    guardianPhone: g?.phone ?? null,
    guardianLanguage: g?.language ?? "en",
  };
}
