import {
  auditLog,
  type Db,
  documents,
  evaluations,
  hoursEntries,
  opportunities,
  organizations,
  placements,
  students,
  users,
} from "@bridgework/db";
import { and, asc, eq, getTableColumns, inArray, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

/**
 * The reads behind a district export: every record that names one of the district's students.
 * Each returns plain rows in the table's own columns (plus a few names, so a file is readable
 * without joining by hand). Group engagements (matches, their feedback) count attendees and
 * name no student, so they have no file.
 */
export type Row = Record<string, unknown>;

const columnsOf = (table: Parameters<typeof getTableColumns>[0], ...extra: string[]) => [
  ...Object.keys(getTableColumns(table)),
  ...extra,
];
const { pdf: _pdf, ...documentColumns } = getTableColumns(documents);

/** Each file's columns, in order: the table's own, then the names joined in. */
export const COLUMNS = {
  students: columnsOf(students, "schoolName"),
  placements: columnsOf(placements, "studentLocalId", "schoolName", "employerName", "opportunityTitle"),
  documents: [...Object.keys(documentColumns), "studentId", "pdfFile"],
  hours: columnsOf(hoursEntries, "studentId"),
  evaluations: columnsOf(evaluations, "studentId"),
  audit: columnsOf(auditLog, "actorName", "actorRole"),
};

const school = alias(organizations, "school");
const employer = alias(organizations, "employer");

export async function districtStudents(db: Db, districtId: string): Promise<Row[]> {
  const rows = await db
    .select({ student: students, schoolName: school.name })
    .from(students)
    .innerJoin(school, eq(school.id, students.schoolId))
    .where(eq(students.districtId, districtId))
    .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
  return rows.map(({ student, schoolName }) => ({ ...student, schoolName }));
}

export async function districtPlacements(db: Db, districtId: string): Promise<Row[]> {
  const rows = await db
    .select({
      placement: placements,
      studentLocalId: students.localId,
      schoolName: school.name,
      employerName: employer.name,
      opportunityTitle: opportunities.title,
    })
    .from(placements)
    .innerJoin(students, eq(students.id, placements.studentId))
    .innerJoin(school, eq(school.id, placements.schoolId))
    .innerJoin(employer, eq(employer.id, placements.employerId))
    .innerJoin(opportunities, eq(opportunities.id, placements.opportunityId))
    .where(eq(placements.districtId, districtId))
    .orderBy(asc(placements.createdAt), asc(placements.id));
  return rows.map(({ placement, ...names }) => ({ ...placement, ...names }));
}

/** Documents without their PDF bytes (those are read in batches by `documentPdfs`). */
export async function districtDocuments(db: Db, districtId: string): Promise<Row[]> {
  return db
    .select({ ...documentColumns, studentId: placements.studentId, hasPdf: sql<boolean>`${documents.pdf} IS NOT NULL` })
    .from(documents)
    .innerJoin(placements, eq(placements.id, documents.placementId))
    .where(eq(placements.districtId, districtId))
    .orderBy(asc(documents.placementId), asc(documents.createdAt), asc(documents.id));
}

export async function documentPdfs(db: Db, ids: string[]): Promise<{ id: string; pdf: Buffer }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: documents.id, pdf: documents.pdf })
    .from(documents)
    .where(and(inArray(documents.id, ids), isNotNull(documents.pdf)));
  return rows.map((r) => ({ id: r.id, pdf: r.pdf! }));
}

export async function districtHours(db: Db, districtId: string): Promise<Row[]> {
  const rows = await db
    .select({ entry: hoursEntries, studentId: placements.studentId })
    .from(hoursEntries)
    .innerJoin(placements, eq(placements.id, hoursEntries.placementId))
    .where(eq(placements.districtId, districtId))
    .orderBy(asc(hoursEntries.placementId), asc(hoursEntries.date), asc(hoursEntries.id));
  return rows.map(({ entry, studentId }) => ({ ...entry, studentId }));
}

export async function districtEvaluations(db: Db, districtId: string): Promise<Row[]> {
  const rows = await db
    .select({ evaluation: evaluations, studentId: placements.studentId })
    .from(evaluations)
    .innerJoin(placements, eq(placements.id, evaluations.placementId))
    .where(eq(placements.districtId, districtId))
    .orderBy(asc(evaluations.createdAt), asc(evaluations.id));
  return rows.map(({ evaluation, studentId }) => ({ ...evaluation, studentId }));
}

/**
 * The audit trail of those records, whoever wrote it (the district's staff, the region's
 * intermediaries, teachers): rows about one of the students, placements or documents, list reads
 * that named them, and district-wide actions (exports) of this district.
 */
export async function districtAudit(
  db: Db,
  districtId: string,
  ids: { students: string[]; placements: string[]; documents: string[] },
): Promise<Row[]> {
  const about = [...ids.students, ...ids.placements, ...ids.documents];
  const textArray = (values: string[]) =>
    sql`ARRAY[${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )}]::text[]`;
  const rows = await db
    .select({ entry: auditLog, actorName: users.name, actorRole: users.role })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      or(
        about.length > 0 ? inArray(auditLog.entityId, about) : undefined,
        ids.students.length > 0 ? sql`${auditLog.details}->'ids' ?| ${textArray(ids.students)}` : undefined,
        ids.placements.length > 0
          ? sql`${auditLog.details}->'placementIds' ?| ${textArray(ids.placements)}`
          : undefined,
        sql`${auditLog.details}->>'districtId' = ${districtId}`,
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map(({ entry, actorName, actorRole }) => ({ ...entry, actorName, actorRole }));
}
