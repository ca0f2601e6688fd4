import { z } from "zod";
import type { Role } from "../enums.ts";
import { InsuranceStatus, Placement, PlacementDocument } from "./placements.ts";
import { StudentForEmployer } from "./students.ts";

/**
 * What each role reads of a placement: the one allow-list for every placement answer
 * (`GET /api/placements`, `/:id` and the actions). The API parses each placement through its
 * reader's schema, so a field not listed here never leaves the server (zod drops unknown keys).
 *
 * - Coordinators and intermediaries run the paperwork: everything, guardians included.
 * - Teachers see their own school's students by full name, the paperwork's progress (kind,
 *   state, who signs it by role) and the supervisor's name; never a guardian's name, email or
 *   language, nor the supervisor's email: the coordinator is the district's one voice toward
 *   employers (domain.md), so a teacher has no use for it.
 * - Employers see the student as first name, last initial, grade and school (domain.md,
 *   Privacy), their own supervisor in full, and the paperwork's progress by role only.
 * - Free text written by district staff (a withdrawal's reason, an insurance override's note)
 *   stays with district staff: it may say things about a family.
 */
export const PlacementForStaff = Placement.extend({
  student: StudentForEmployer.extend({ lastName: z.string() }),
  withdrawReason: z.string().nullable(),
});
export type PlacementForStaff = z.infer<typeof PlacementForStaff>;

/** A document's progress without its signer's identity: who signs it only by role. */
export const DocumentProgress = PlacementDocument.pick({
  id: true,
  kind: true,
  status: true,
  signedAt: true,
  dueOn: true,
}).extend({
  signer: PlacementDocument.shape.signer.pick({ role: true }),
});
export type DocumentProgress = z.infer<typeof DocumentProgress>;

/** Insurance state with the kind and time of an override, not the staff's note. */
const InsuranceProgress = InsuranceStatus.extend({
  override: InsuranceStatus.shape.override.unwrap().omit({ note: true }).nullable(),
});

const placementCore = PlacementForStaff.pick({
  id: true,
  status: true,
  opportunityId: true,
  opportunityTitle: true,
  employerId: true,
  employerName: true,
  startDate: true,
  endDate: true,
  hoursApproved: true,
  hoursPending: true,
  createdAt: true,
  updatedAt: true,
});

export const PlacementForTeacher = placementCore.extend({
  student: PlacementForStaff.shape.student,
  supervisor: Placement.shape.supervisor.pick({ name: true }),
  documents: z.array(DocumentProgress),
  insurance: InsuranceProgress,
});
export type PlacementForTeacher = z.infer<typeof PlacementForTeacher>;

export const PlacementForEmployer = placementCore.extend({
  student: StudentForEmployer,
  supervisor: Placement.shape.supervisor,
  documents: z.array(DocumentProgress),
  insurance: InsuranceProgress,
});
export type PlacementForEmployer = z.infer<typeof PlacementForEmployer>;

/** The reader's schema: parse a full placement through it to keep only what that role may read. */
export const PLACEMENT_VIEWS = {
  intermediary: PlacementForStaff,
  coordinator: PlacementForStaff,
  teacher: PlacementForTeacher,
  employer: PlacementForEmployer,
} as const satisfies Record<Role, z.ZodType>;

/**
 * Any reader's placement: what routes declare (most detailed first, so the serializer keeps the
 * richest shape a placement fits; the action has already cut it to its reader's) and what the
 * SPA reads, narrowing on the fields a role lacks.
 */
export const PlacementView = z.union([PlacementForStaff, PlacementForTeacher, PlacementForEmployer]);
export type PlacementView = z.infer<typeof PlacementView>;

export function placementFor(role: Role, placement: PlacementForStaff): PlacementView {
  return PLACEMENT_VIEWS[role].parse(placement);
}
