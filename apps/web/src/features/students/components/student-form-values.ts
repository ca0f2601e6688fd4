import { CreateStudent, type Student } from "@bridgework/domain";
import type { StudentDemographics } from "../api/get-student.ts";
import type { FieldErrors, Resolver } from "react-hook-form";
import { issueToFieldError } from "../../../lib/forms.ts";

/** The form holds strings (native inputs); the body is the shared CreateStudent schema. */
export interface StudentFormValues {
  localId: string;
  ssid: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  grade: string;
  schoolId: string;
  guardianName: string;
  guardianEmail: string;
  guardianPhone: string;
  guardianLanguage: "en" | "es";
  /** Demographics: "" is not recorded; yes/no questions hold "yes" or "no". */
  gender: string;
  raceEthnicity: string;
  englishLearner: string;
  disability: string;
  lowIncome: string;
}

const yesNo = (v: string) => (v === "yes" ? true : v === "no" ? false : null);
const fromYesNo = (v: boolean | null | undefined) => (v === true ? "yes" : v === false ? "no" : "");

export const STUDENT_FIELDS = [
  "localId",
  "ssid",
  "firstName",
  "lastName",
  "birthDate",
  "grade",
  "schoolId",
  "guardianName",
  "guardianEmail",
  "guardianPhone",
  "guardianLanguage",
  "gender",
  "raceEthnicity",
  "englishLearner",
  "disability",
  "lowIncome",
] as const;

export function toStudentInput(v: StudentFormValues): unknown {
  const hasGuardian = [v.guardianName, v.guardianEmail, v.guardianPhone].some((s) => s.trim() !== "");
  return {
    localId: v.localId,
    ssid: v.ssid.trim() || null,
    firstName: v.firstName,
    lastName: v.lastName,
    birthDate: v.birthDate,
    grade: v.grade === "" ? undefined : Number(v.grade),
    schoolId: v.schoolId,
    guardian: hasGuardian
      ? {
          name: v.guardianName,
          email: v.guardianEmail.trim(),
          phone: v.guardianPhone.trim() || null,
          language: v.guardianLanguage,
        }
      : null,
    demographics: {
      gender: v.gender || null,
      raceEthnicity: v.raceEthnicity || null,
      englishLearner: yesNo(v.englishLearner),
      disability: yesNo(v.disability),
      lowIncome: yesNo(v.lowIncome),
    },
  };
}

/** API and schema paths (`guardian.email`) → form fields (`guardianEmail`). */
export function studentFieldOf(path: string): (typeof STUDENT_FIELDS)[number] | undefined {
  const [head, sub] = path.split(".");
  const field =
    head === "guardian" && sub
      ? `guardian${sub[0]!.toUpperCase()}${sub.slice(1)}`
      : head === "demographics" && sub
        ? sub
        : head;
  return STUDENT_FIELDS.find((f) => f === field);
}

export const studentResolver: Resolver<StudentFormValues, unknown, CreateStudent> = async (values) => {
  const parsed = CreateStudent.safeParse(toStudentInput(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of parsed.error.issues) {
    const field = studentFieldOf(issue.path.map(String).join(".")) ?? "localId";
    errors[field] ??= issueToFieldError(issue, values[field]);
  }
  return { values: {}, errors: errors as FieldErrors<StudentFormValues> };
};

export function studentDefaults(
  student: Student | null,
  schoolId: string,
  demographics: StudentDemographics | null = null,
): StudentFormValues {
  return {
    localId: student?.localId ?? "",
    ssid: student?.ssid ?? "",
    firstName: student?.firstName ?? "",
    lastName: student?.lastName ?? "",
    birthDate: student?.birthDate ?? "",
    grade: student ? String(student.grade) : "",
    schoolId: student?.schoolId ?? schoolId,
    guardianName: student?.guardian?.name ?? "",
    guardianEmail: student?.guardian?.email ?? "",
    guardianPhone: student?.guardian?.phone ?? "",
    guardianLanguage: student?.guardian?.language ?? "en",
    gender: demographics?.gender ?? "",
    raceEthnicity: demographics?.raceEthnicity ?? "",
    englishLearner: fromYesNo(demographics?.englishLearner),
    disability: fromYesNo(demographics?.disability),
    lowIncome: fromYesNo(demographics?.lowIncome),
  };
}
