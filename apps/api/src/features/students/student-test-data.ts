/** Test data shared by the student test files (not a test itself). */
export function sampleStudent(schoolId: string, overrides: Record<string, unknown> = {}) {
  return {
    localId: "S1001",
    ssid: "1234567890",
    firstName: "Ana",
    lastName: "Lopez",
    birthDate: "2009-04-12",
    grade: 10,
    schoolId,
    guardian: { name: "Maria Lopez", email: "maria.lopez@example.com", phone: "555-0100", language: "es" },
    demographics: { gender: "F", raceEthnicity: "hispanic", englishLearner: true, disability: false, lowIncome: true },
    ...overrides,
  };
}

export const STUDENT_KEYS = ["birthDate", "createdAt", "firstName", "grade", "guardian", "id", "lastName", "localId", "schoolId", "schoolName", "ssid", "updatedAt"];
export const TEACHER_VIEW_KEYS = ["firstName", "grade", "id", "lastName", "localId", "schoolId", "schoolName"];

/** Lines joined as a CSV body. */
export const csv = (...lines: string[]) => lines.join("\n") + "\n";

export const OUR_HEADER =
  "localId,ssid,firstName,lastName,birthDate,grade,schoolId,guardianName,guardianEmail,guardianPhone,guardianLanguage,gender,raceEthnicity,englishLearner,disability,lowIncome";
