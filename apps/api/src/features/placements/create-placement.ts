import { placements, students } from "@bridgework/db";
import {
  ageOn,
  Conflict,
  type CreatePlacement,
  dayOf,
  NotFound,
  type PersonActor,
  requiredDocuments,
  requireRole,
  RuleViolation,
  say,
  ValidationFailed,
} from "@bridgework/domain";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleOpportunity } from "../../lib/queries/opportunities.ts";
import { loadPlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { createPlacementDocuments, type Signer } from "../../lib/paperwork/placement-documents.ts";
import { presentPlacement } from "./placement.queries.ts";
import { takePlacementSeat } from "./placement-seats.ts";

type StudentRow = typeof students.$inferSelect;

/** Coordinators place their own district's students; the intermediary any student of its region. */
function visibleStudents(actor: PersonActor): SQL {
  const region = eq(students.regionId, actor.regionId);
  return actor.role === "coordinator" ? and(region, eq(students.districtId, actor.organizationId))! : region;
}

function signerFor(role: "guardian" | "student" | "supervisor", student: StudentRow, input: CreatePlacement): Signer {
  const language = student.guardianLanguage;
  if (role === "supervisor")
    return { role, name: input.supervisor.name, email: input.supervisor.email, language: input.supervisorLanguage };
  if (role === "student") {
    if (!input.studentEmail)
      throw new ValidationFailed([{ path: "studentEmail", text: say("adult-student-email-required") }]);
    return { role, name: `${student.firstName} ${student.lastName}`, email: input.studentEmail, language };
  }
  if (!student.guardianEmail || !student.guardianName) {
    throw new RuleViolation("rule-violation", say("guardian-email-missing", { student: student.firstName }));
  }
  return { role, name: student.guardianName, email: student.guardianEmail, language };
}

/**
 * Places a student in a published opportunity: checks the age rule on the start date, takes a
 * seat (race-proof), creates the paperwork from the current templates and emails each signer
 * one packet link each (all of their documents, in order). Side effects: documents, links, emails (outbox) and an audit row.
 */
export async function createPlacement({ ctx, input }: { ctx: Ctx; input: CreatePlacement }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const [student] = await ctx.db
    .select()
    .from(students)
    .where(and(eq(students.id, input.studentId), visibleStudents(actor)));
  if (!student) throw new NotFound("student");
  const { opportunity } = await findVisibleOpportunity(ctx.db, actor, input.opportunityId);
  if (opportunity.status !== "published")
    throw new Conflict("conflict", say("opportunity-not-published", { status: opportunity.status }));
  const age = ageOn(student.birthDate, input.startDate);
  if (opportunity.minAge !== null && age < opportunity.minAge) {
    throw new RuleViolation(
      "under-minimum-age",
      say("under-minimum-age", { student: student.firstName, age, on: input.startDate, minAge: opportunity.minAge }),
      {
        age,
        minAge: opportunity.minAge,
      },
    );
  }
  const required = requiredDocuments(age).map((doc) => ({ doc, signer: signerFor(doc.signer, student, input) }));

  const id = await ctx.db.transaction(async (tx) => {
    await takePlacementSeat(tx, opportunity.id);
    // After the seat UPDATE, placements for this opportunity are serialized on its row lock,
    // so this check sees any placement a concurrent request just committed.
    const [live] = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(
        and(
          eq(placements.studentId, student.id),
          eq(placements.opportunityId, opportunity.id),
          inArray(placements.status, ["pending_paperwork", "ready", "active"]),
        ),
      );
    if (live)
      throw new Conflict("duplicate", say("placement-open", { student: student.firstName }), { placementId: live.id });
    const [created] = await tx
      .insert(placements)
      .values({
        regionId: actor.regionId,
        districtId: student.districtId,
        schoolId: student.schoolId,
        studentId: student.id,
        opportunityId: opportunity.id,
        employerId: opportunity.employerId,
        startDate: input.startDate,
        endDate: input.endDate,
        supervisorName: input.supervisor.name,
        supervisorEmail: input.supervisor.email.toLowerCase(),
        supervisorLanguage: input.supervisorLanguage,
        createdBy: actor.userId,
      })
      .returning({ id: placements.id });
    const facts = await loadPlacementFacts(tx, created!.id);
    await createPlacementDocuments(tx, { config: ctx.config, now }, facts!, required);
    await audit(tx, actor, "create", "placement", created!.id, {
      studentId: student.id,
      opportunityId: opportunity.id,
      documents: required.map((r) => r.doc.kind),
    });
    return created!.id;
  });
  ctx.kick();
  return presentPlacement(ctx.db, actor, id, dayOf(now));
}
