import { Demographics, type GuardianLanguage, requireRole } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { csvText } from "../../lib/csv-writer.ts";
import { schoolsInScope } from "./student.queries.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";
import { DEMOGRAPHIC_COLUMNS, TEMPLATE_COLUMNS } from "./student-csv.ts";

/** What the edit form shows: every demographic field, null when not recorded. */
export const StudentDemographics = Demographics.required();

/**
 * One student's demographics, for the person editing them (coordinator: own district;
 * intermediary: region). Lists and the student view never carry them. Side effect: a `read`
 * audit row saying demographics were read.
 */
export async function getStudentDemographics({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const { student: s } = await findVisibleStudent(tx, actor, id);
    await audit(tx, actor, "read", "student", id, { fields: ["demographics"] });
    return {
      gender: s.gender as NonNullable<Demographics["gender"]> | null,
      raceEthnicity: s.raceEthnicity as NonNullable<Demographics["raceEthnicity"]> | null,
      englishLearner: s.englishLearner,
      disability: s.disability,
      lowIncome: s.lowIncome,
    };
  });
}

const EXAMPLE: Record<GuardianLanguage, Record<string, string>> = {
  en: {
    guardianLanguage: "Spanish",
    gender: "Female",
    raceEthnicity: "Hispanic or Latino",
    englishLearner: "Yes",
    disability: "No",
    lowIncome: "",
  },
  es: {
    guardianLanguage: "Español",
    gender: "Femenino",
    raceEthnicity: "Hispano o latino",
    englishLearner: "Sí",
    disability: "No",
    lowIncome: "",
  },
};

/**
 * The import template: our columns with `school` (a name) for `schoolId`, and one made-up example
 * row naming the first of the person's schools, with words in the reader's language where the
 * import takes words. Replace the example before importing.
 */
export async function studentImportTemplate({ ctx, language }: { ctx: Ctx; language: GuardianLanguage }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const [school] = await schoolsInScope(ctx.db, ctx.actor);
  const example = {
    localId: "EXAMPLE-1",
    ssid: "",
    firstName: "Ana",
    lastName: "Example",
    birthDate: "2010-04-12",
    grade: "10",
    school: school?.name ?? "",
    guardianName: "Maria Example",
    guardianEmail: "maria@example.com",
    guardianPhone: "555-0100",
    ...EXAMPLE[language],
  };
  return csvText([example], [...TEMPLATE_COLUMNS, ...DEMOGRAPHIC_COLUMNS]);
}
