import { students } from "@bridgework/db";
import { NotFound, requireRole, ValidationFailed, say } from "@bridgework/domain";
import { and, asc, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { csvText } from "../../lib/csv-writer.ts";
import { dayInZone, isoInZone } from "../../lib/zoned-time.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { selectStudents, type StudentWithSchool } from "../../lib/queries/students.ts";
import { DEMOGRAPHIC_COLUMNS, STUDENT_COLUMNS, yesNo } from "./student-csv.ts";

export const EXPORT_COLUMNS = [
  "id",
  ...STUDENT_COLUMNS,
  "schoolName",
  ...DEMOGRAPHIC_COLUMNS,
  "createdAt",
  "updatedAt",
] as const;

/**
 * A district's own data, demographics included (domain.md: a district can export its students'
 * data), in the import's columns so the file can be edited and imported back. Coordinators get
 * their district; intermediaries name one. `createdAt`/`updatedAt` are ISO 8601 in the region's
 * zone with its offset. Side effect: an `export` audit row with the count.
 */
export async function exportStudents({ ctx, input }: { ctx: Ctx; input: { districtId?: string } }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  if (actor.role === "coordinator" && input.districtId && input.districtId !== actor.organizationId)
    throw new NotFound("district");
  const districtId = actor.role === "coordinator" ? actor.organizationId : input.districtId;
  if (!districtId) throw new ValidationFailed([{ path: "districtId", text: say("district-required") }]);
  const district = await findOrganizationInRegion(ctx.db, actor.regionId, districtId, "district");
  const timeZone = await regionTimeZone(ctx.db, actor.regionId);
  const rows = await ctx.db.transaction(async (tx) => {
    const found = await selectStudents(tx)
      .where(and(eq(students.regionId, actor.regionId), eq(students.districtId, district.id)))
      .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id));
    await audit(tx, actor, "export", "student", null, { districtId: district.id, count: found.length });
    return found;
  });
  const slug = district.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    filename: `students-${slug || "district"}-${dayInZone(ctx.clock.now(), timeZone)}.csv`,
    csv: csvText(
      rows.map((row) => toRecord(row, timeZone)),
      EXPORT_COLUMNS,
    ),
  };
}

function toRecord(
  { student: s, schoolName }: StudentWithSchool,
  timeZone: string,
): Record<(typeof EXPORT_COLUMNS)[number], string> {
  // The CSV writer guards every text cell against formula injection; the import takes the guard off.
  const text = (v: string | null) => v ?? "";
  return {
    id: s.id,
    localId: text(s.localId),
    ssid: text(s.ssid),
    firstName: text(s.firstName),
    lastName: text(s.lastName),
    birthDate: s.birthDate,
    grade: String(s.grade),
    schoolId: s.schoolId,
    guardianName: text(s.guardianName),
    guardianEmail: text(s.guardianEmail),
    guardianPhone: text(s.guardianPhone),
    guardianLanguage: s.guardianLanguage,
    schoolName: text(schoolName),
    gender: s.gender ?? "",
    raceEthnicity: s.raceEthnicity ?? "",
    englishLearner: yesNo(s.englishLearner),
    disability: yesNo(s.disability),
    lowIncome: yesNo(s.lowIncome),
    createdAt: isoInZone(s.createdAt, timeZone),
    updatedAt: isoInZone(s.updatedAt, timeZone),
  };
}
