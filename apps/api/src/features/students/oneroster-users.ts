import { ValidationFailed, say } from "@bridgework/domain";
import { type Candidate, type CsvFormat, gradeOf } from "./student-csv-format.ts";
import type { CsvRow, RowIssue } from "./student-csv.ts";

/** A OneRoster users.csv is recognised by these columns. */
export const ONEROSTER_COLUMNS = ["sourcedId", "givenName", "familyName"] as const;
const GUARDIAN_ROLES = ["guardian", "parent", "relative"];

const COLUMN_FOR: Record<string, string> = {
  localId: "identifier",
  firstName: "givenName",
  lastName: "familyName",
  // Said plainly: the usual cause is a users.csv without the metadata.birthDate column.
  birthDate: "birthDate",
  grade: "grades",
  ssid: "userIds",
};

/**
 * OneRoster users.csv (the 1.1 layout, also used by 1.2 exports that keep `role` and
 * `orgSourcedIds`). Mapping:
 * - rows with role `student` are imported; other roles are skipped silently, except that
 *   guardian/parent/relative rows supply the guardian of the students naming them in
 *   `agentSourcedIds` (name, email, phone or sms) when they have an email;
 * - localId = `identifier` (the SIS student number), else `sourcedId`;
 * - firstName = `givenName`, lastName = `familyName`; grade = first of `grades` ("09" → 9);
 * - school = first of `orgSourcedIds` (then `primaryOrgSourcedId`) that is one of the importer's
 *   schools by Bridgework id, exact name or local code: OneRoster org ids are the SIS's own, so a
 *   district exports names, sets each school's local code to its SIS org id, or maps ids before uploading;
 * - birthDate from a `metadata.birthDate` column (demographics.csv is not read): without it the
 *   row is an error "birthDate missing";
 * - ssid from a `userIds` entry typed SSID/state/CALPADS, e.g. `{SSID:1234567890}`;
 * - `status` = tobedeleted rows are reported, not imported: deleting is a separate, audited act.
 * Re-importing never clears what a users.csv cannot carry (ssid, guardian, language, demographics).
 */
export function oneRosterFormat(header: Set<string>, rows: CsvRow[]): CsvFormat {
  if (!header.has("role")) {
    throw new ValidationFailed(
      [{ path: "role", text: say("column-missing", { column: "role" }) }],
      say("oneroster-no-role"),
    );
  }
  const guardians = new Map<string, { name: string; email: string; phone: string | null }>();
  for (const row of rows) {
    const email = row.get("email");
    if (GUARDIAN_ROLES.includes(row.get("role").toLowerCase()) && email) {
      guardians.set(row.get("sourcedId"), {
        name: `${row.get("givenName")} ${row.get("familyName")}`.trim(),
        email,
        phone: row.get("phone") || row.get("sms") || null,
      });
    }
  }
  const candidates: Candidate[] = [];
  const skipped: RowIssue[] = [];
  for (const row of rows) {
    if (row.get("role").toLowerCase() !== "student") continue;
    if (row.get("status").toLowerCase() === "tobedeleted") {
      skipped.push({ row: row.line, problems: [{ field: "status", text: say("import-oneroster-to-be-deleted") }] });
      continue;
    }
    const birthDate = row.get("metadata.birthDate");
    const guardian = list(row.get("agentSourcedIds"))
      .map((id) => guardians.get(id))
      .find(Boolean);
    candidates.push({
      line: row.line,
      input: {
        localId: row.get("identifier") || row.get("sourcedId"),
        ssid: ssidOf(row.get("userIds")),
        firstName: row.get("givenName"),
        lastName: row.get("familyName"),
        birthDate: birthDate || undefined,
        grade: gradeOf(list(row.get("grades"))[0] ?? ""),
        guardian: guardian ?? null,
      },
      schoolRefs: [...list(row.get("orgSourcedIds")), row.get("primaryOrgSourcedId")].filter(Boolean),
      errors: [],
    });
  }
  return {
    name: "oneroster",
    candidates,
    skipped,
    column: (path) => COLUMN_FOR[path] ?? (path.startsWith("guardian") ? "agentSourcedIds (guardian)" : path),
    unknownSchool: (refs, scope) => ({
      field: "orgSourcedIds",
      text: refs.length
        ? say("import-oneroster-school-unknown", { refs: refs.map((r) => `"${r}"`).join(", "), scope })
        : say("import-cell-missing", { column: "orgSourcedIds" }),
    }),
    update: {
      firstName: "excluded",
      lastName: "excluded",
      birthDate: "excluded",
      grade: "excluded",
      schoolId: "excluded",
      ssid: "coalesce",
      guardianName: "guardian",
      guardianEmail: "guardian",
      guardianPhone: "guardian",
    },
  };
}

const list = (cell: string) =>
  cell
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** `userIds` is a list of `{type:identifier}`; a 10-digit id typed SSID, state or CALPADS is the SSID. */
function ssidOf(cell: string): string | null {
  for (const m of cell.matchAll(/\{\s*([^:}]+?)\s*:\s*([^}]*?)\s*\}/g)) {
    if (/^(ssid|state|calpads)/i.test(m[1]!) && /^\d{10}$/.test(m[2]!)) return m[2]!;
  }
  return null;
}
