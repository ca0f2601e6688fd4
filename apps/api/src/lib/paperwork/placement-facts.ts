import { type DbOrTx, opportunities, organizations, placements, students } from "@bridgework/db";
import type { GuardianLanguage } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { formatDate, type TemplateVars } from "./render-template.ts";

const school = alias(organizations, "pf_school");
const district = alias(organizations, "pf_district");
const employer = alias(organizations, "pf_employer");

export const placementFactColumns = {
  placement: placements,
  student: {
    firstName: students.firstName,
    lastName: students.lastName,
    grade: students.grade,
    birthDate: students.birthDate,
    guardianName: students.guardianName,
    guardianEmail: students.guardianEmail,
    guardianLanguage: students.guardianLanguage,
  },
  opportunityTitle: opportunities.title,
  employerName: employer.name,
  schoolName: school.name,
  districtName: district.name,
};

/** A placement with the names its documents, emails and views need, in one query. */
export function selectPlacementFacts(db: DbOrTx) {
  return db
    .select(placementFactColumns)
    .from(placements)
    .innerJoin(students, eq(students.id, placements.studentId))
    .innerJoin(opportunities, eq(opportunities.id, placements.opportunityId))
    .innerJoin(employer, eq(employer.id, placements.employerId))
    .innerJoin(school, eq(school.id, placements.schoolId))
    .innerJoin(district, eq(district.id, placements.districtId));
}

export type PlacementFacts = Awaited<ReturnType<ReturnType<typeof selectPlacementFacts>["execute"]>>[number];

export async function loadPlacementFacts(db: DbOrTx, placementId: string): Promise<PlacementFacts | null> {
  const [row] = await selectPlacementFacts(db).where(eq(placements.id, placementId));
  return row ?? null;
}

/** Employers and their supervisors see a student as first name and last initial only (domain.md, Privacy). */
export function limitedName(facts: Pick<PlacementFacts, "student">): string {
  return `${facts.student.firstName} ${facts.student.lastName.slice(0, 1)}.`;
}

/** What fills a template's placeholders; a supervisor's copy names the student with first name and initial. */
export function templateVars(facts: PlacementFacts, language: GuardianLanguage, forSupervisor: boolean): TemplateVars {
  const p = facts.placement;
  return {
    studentName: forSupervisor ? limitedName(facts) : `${facts.student.firstName} ${facts.student.lastName}`,
    employerName: facts.employerName,
    opportunityTitle: facts.opportunityTitle,
    startDate: formatDate(p.startDate, language),
    endDate: formatDate(p.endDate, language),
    supervisorName: p.supervisorName,
    districtName: facts.districtName,
    schoolName: facts.schoolName,
  };
}
