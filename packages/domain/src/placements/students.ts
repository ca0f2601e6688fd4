import { z } from "zod";
import { isoDay } from "../schemas/dates.ts";

export const GUARDIAN_LANGUAGES = ["en", "es"] as const;
export type GuardianLanguage = (typeof GUARDIAN_LANGUAGES)[number];
export const GENDERS = ["F", "M", "X"] as const;
export const RACE_ETHNICITIES = [
  "hispanic",
  "american_indian",
  "asian",
  "black",
  "filipino",
  "pacific_islander",
  "white",
  "two_or_more",
  "declined",
] as const;

/** Demographics are stored for equity reports only and never shown per student. */
export const Demographics = z.object({
  gender: z.enum(GENDERS).nullable().optional(),
  raceEthnicity: z.enum(RACE_ETHNICITIES).nullable().optional(),
  englishLearner: z.boolean().nullable().optional(),
  disability: z.boolean().nullable().optional(),
  lowIncome: z.boolean().nullable().optional(),
});
export type Demographics = z.infer<typeof Demographics>;

export const Guardian = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: z.string().trim().max(40).nullable().optional(),
  language: z.enum(GUARDIAN_LANGUAGES).default("en"),
});
export type Guardian = z.infer<typeof Guardian>;

export const CreateStudent = z.object({
  localId: z.string().trim().min(1).max(40),
  ssid: z
    .string()
    .trim()
    .regex(/^\d{10}$/, "SSID is 10 digits")
    .nullable()
    .optional(),
  firstName: z.string().trim().min(1).max(80),
  lastName: z.string().trim().min(1).max(80),
  birthDate: isoDay("birth"),
  grade: z.number().int().min(6).max(12),
  schoolId: z.uuid(),
  guardian: Guardian.nullable().optional(),
  demographics: Demographics.optional(),
});
export type CreateStudent = z.infer<typeof CreateStudent>;

export const UpdateStudent = CreateStudent.omit({ localId: true }).partial();
export type UpdateStudent = z.infer<typeof UpdateStudent>;

/** What coordinators and intermediaries see. Demographics are write-only (reports show aggregates). */
export const Student = z.object({
  id: z.uuid(),
  localId: z.string(),
  ssid: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.iso.date(),
  grade: z.number().int(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  guardian: z
    .object({ name: z.string(), email: z.string(), phone: z.string().nullable(), language: z.enum(GUARDIAN_LANGUAGES) })
    .nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Student = z.infer<typeof Student>;

/** Teachers see their school's students without birth date, guardian or ids from the state. */
export const StudentForTeacher = Student.pick({
  id: true,
  localId: true,
  firstName: true,
  lastName: true,
  grade: true,
  schoolId: true,
  schoolName: true,
});
export type StudentForTeacher = z.infer<typeof StudentForTeacher>;

/** Employers see only what a placement needs: first name, last initial, grade, school. */
export const StudentForEmployer = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastInitial: z.string(),
  grade: z.number().int(),
  schoolName: z.string(),
});
export type StudentForEmployer = z.infer<typeof StudentForEmployer>;

export const StudentListQuery = z.object({
  schoolId: z.uuid().optional(),
  grade: z.coerce.number().int().min(6).max(12).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type StudentListQuery = z.infer<typeof StudentListQuery>;

export const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** Whole years between birth date and `on` (both YYYY-MM-DD): the age rule's one definition. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
