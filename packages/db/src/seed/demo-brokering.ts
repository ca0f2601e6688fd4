import { type Kind, KIND_LABELS, levelOf, type Modality, type Sector } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../client.ts";
import {
  matchEvents,
  matches,
  matchFeedback,
  opportunities,
  organizations,
  pathways,
  requests,
  users,
} from "../schema/index.ts";
import { rng } from "./random.ts";

const DAY = 24 * 3600_000;

/** Offers that read like the region's real employers would post them. */
const OFFERS: {
  kind: Kind;
  title: string;
  description: string;
  capacity: number;
  modality: Modality;
  minAge?: number;
  requirements?: string[];
  paid?: boolean;
  hours?: number;
}[] = [
  {
    kind: "guest_speaker",
    title: "Careers in {sector}: a talk from the floor",
    description: "A practitioner talks about a day at work, the path into the field and answers students' questions.",
    capacity: 35,
    modality: "in_person",
  },
  {
    kind: "guest_speaker",
    title: "Virtual career chat with our team",
    description: "A 45-minute video call with two staff members and open Q&A.",
    capacity: 60,
    modality: "virtual",
  },
  {
    kind: "industry_tour",
    title: "Behind-the-scenes tour of {employer}",
    description:
      "Walk the site with a guide, see the equipment and meet people in several roles. Closed-toe shoes required.",
    capacity: 25,
    modality: "in_person",
    requirements: ["Closed-toe shoes"],
  },
  {
    kind: "job_shadow",
    title: "Half-day job shadow",
    description: "One or two students follow a staff member for a morning.",
    capacity: 4,
    modality: "in_person",
    minAge: 16,
    requirements: ["Signed guardian consent"],
  },
  {
    kind: "mock_interview",
    title: "Mock interview panel",
    description: "Our recruiters run 15-minute practice interviews with written feedback.",
    capacity: 30,
    modality: "hybrid",
  },
  {
    kind: "informational_interview",
    title: "Informational interviews with early-career staff",
    description: "Students book 20-minute conversations with recent hires.",
    capacity: 12,
    modality: "virtual",
  },
  {
    kind: "mentoring",
    title: "Semester mentoring circle",
    description: "Monthly small-group mentoring over one semester.",
    capacity: 8,
    modality: "hybrid",
  },
  {
    kind: "industry_project",
    title: "Client project: a real problem from {employer}",
    description: "A class works on a real brief over six weeks and presents to our managers.",
    capacity: 30,
    modality: "hybrid",
  },
  {
    kind: "internship",
    title: "Summer internship",
    description: "Six weeks, 20 hours a week, with a named supervisor and a final presentation.",
    capacity: 3,
    modality: "in_person",
    minAge: 16,
    requirements: ["Background check", "Signed worksite agreement"],
    paid: true,
    hours: 120,
  },
  {
    kind: "paid_work_experience",
    title: "Paid after-school work experience",
    description: "Ten hours a week during the spring semester.",
    capacity: 2,
    modality: "in_person",
    minAge: 16,
    paid: true,
    hours: 100,
  },
  {
    kind: "teacher_externship",
    title: "Teacher externship week",
    description: "A week on site for pathway teachers to bring current practice back to class.",
    capacity: 4,
    modality: "in_person",
    paid: true,
    hours: 32,
  },
  {
    kind: "advisory_board",
    title: "Pathway advisory board seat",
    description: "Join the pathway's advisory board: four meetings a year.",
    capacity: 2,
    modality: "hybrid",
  },
];

/** Extra employers so the region looks like a real one (the seeds talk of 100+; the demo keeps it readable). */
export const DEMO_EXTRA_EMPLOYERS: { name: string; sector: Sector; city: string }[] = [
  { name: "Fresno Community Hospital", sector: "Health Science and Medical Technology", city: "Fresno" },
  { name: "Sunrise Dental Group", sector: "Health Science and Medical Technology", city: "Clovis" },
  { name: "Valley Water District", sector: "Energy, Environment, and Utilities", city: "Fresno" },
  { name: "Kings River Credit Union", sector: "Business and Finance", city: "Fresno" },
  { name: "Central Valley Logistics", sector: "Transportation", city: "Fresno" },
  { name: "Orchard Bistro", sector: "Hospitality, Tourism, and Recreation", city: "Clovis" },
  { name: "Fresno Fire Department", sector: "Public Services", city: "Fresno" },
  { name: "Precision Ag Machines", sector: "Manufacturing and Product Development", city: "Sanger" },
  { name: "Valley Design Studio", sector: "Arts, Media, and Entertainment", city: "Fresno" },
  { name: "Bright Start Preschools", sector: "Education, Child Development, and Family Services", city: "Clovis" },
  { name: "Cedar Engineering", sector: "Engineering and Architecture", city: "Fresno" },
  { name: "Tower Solar", sector: "Energy, Environment, and Utilities", city: "Sanger" },
];

/**
 * A year and a half of brokering history in the Valley region: opportunities from every
 * employer, teachers' requests, and matches in every state — completed ones with feedback —
 * so lists, suggestions and reports have something real to show.
 */
export async function seedDemoBrokering(tx: Tx, regionId: string, now: Date) {
  const r = rng(20261125);
  const orgs = await tx.select().from(organizations).where(eq(organizations.regionId, regionId));
  const employers = orgs.filter((o) => o.type === "employer");
  const schools = orgs.filter((o) => o.type === "school");
  const schoolPathways = await tx.select().from(pathways).where(eq(pathways.regionId, regionId));
  const regionUsers = await tx.select().from(users).where(eq(users.regionId, regionId));
  const teachers = regionUsers.filter((u) => u.role === "teacher");
  const coordinator = regionUsers.find((u) => u.role === "coordinator")!;
  const employerContacts = new Map(regionUsers.filter((u) => u.role === "employer").map((u) => [u.organizationId, u]));

  // Opportunities: each employer posts 3–5 offers spread over the last 18 months and the next 6.
  const opps: (typeof opportunities.$inferSelect)[] = [];
  for (const employer of employers) {
    const sector = (employer.sectors[0] ?? "Business and Finance") as Sector;
    const count = employer.name === "Valley Medical Center" ? 7 : r.int(3, 5);
    for (let i = 0; i < count; i++) {
      const offer = employer.name === "Valley Medical Center" ? OFFERS[i % OFFERS.length]! : r.pick(OFFERS);
      const start = new Date(now.getTime() + r.int(-480, 150) * DAY);
      start.setUTCHours(16 + r.int(0, 3), 0, 0, 0);
      const long =
        levelOf(offer.kind) === "experience" || offer.kind === "mentoring" || offer.kind === "industry_project";
      const ended = start.getTime() < now.getTime() - 30 * DAY;
      const [row] = await tx
        .insert(opportunities)
        .values({
          regionId,
          employerId: employer.id,
          kind: offer.kind,
          level: levelOf(offer.kind),
          sector,
          title: offer.title
            .replace("{sector}", sector.split(",")[0]!.toLowerCase())
            .replace("{employer}", employer.name),
          description: offer.description,
          modality: offer.modality,
          city: employer.city,
          postalCode: employer.postalCode,
          capacity: offer.capacity,
          startsAt: start,
          endsAt: new Date(start.getTime() + (long ? 42 * DAY : 2 * 3600_000)),
          minAge: offer.minAge ?? null,
          requirements: offer.requirements ?? [],
          paid: offer.paid ?? false,
          hoursTotal: offer.hours ?? null,
          status: ended ? "closed" : r.chance(0.1) ? "draft" : "published",
          createdBy: employerContacts.get(employer.id)?.id ?? null,
          publishedAt: new Date(start.getTime() - 30 * DAY),
          createdAt: new Date(start.getTime() - 40 * DAY),
        })
        .returning();
      opps.push(row!);
    }
  }

  // Requests and matches: for a good share of opportunities a teacher asked and got matched.
  const seatsTaken = new Map<string, number>();
  for (const opp of opps) {
    if (opp.status === "draft" || !r.chance(0.7)) continue;
    const school = r.pick(schools);
    const teacher = teachers.find((t) => t.organizationId === school.id) ?? r.pick(teachers);
    const pathway = schoolPathways.find((p) => p.schoolId === school.id && p.sector === opp.sector) ?? null;
    const students = Math.max(
      1,
      Math.min(opp.capacity, levelOf(opp.kind) === "exposure" ? r.int(12, 30) : r.int(1, 3)),
    );
    const start = opp.startsAt!;
    const past = start.getTime() < now.getTime();
    const windowStart = new Date(start.getTime() - 14 * DAY).toISOString().slice(0, 10);
    const windowEnd = new Date(start.getTime() + 14 * DAY).toISOString().slice(0, 10);
    const createdAt = new Date(start.getTime() - 30 * DAY);
    const status = past
      ? r.chance(0.85)
        ? "completed"
        : "cancelled"
      : r.pick(["proposed", "approved", "accepted", "scheduled"] as const);
    const [request] = await tx
      .insert(requests)
      .values({
        regionId,
        districtId: school.parentId!,
        schoolId: school.id,
        pathwayId: pathway?.id ?? null,
        createdBy: teacher.id,
        kind: opp.kind,
        level: opp.level,
        sector: opp.sector,
        students,
        gradeLevels: levelOf(opp.kind) === "experience" ? [11, 12] : [10, 11, 12],
        windowStart,
        windowEnd,
        modality: opp.modality,
        notes: `${KIND_LABELS[opp.kind]} for our ${pathway?.name ?? "career"} students.`,
        status:
          status === "completed"
            ? "fulfilled"
            : status === "cancelled"
              ? "cancelled"
              : status === "accepted" || status === "scheduled"
                ? "matched"
                : "open",
        createdAt,
      })
      .returning();
    const holds = status === "accepted" || status === "scheduled" || status === "completed";
    if (holds) seatsTaken.set(opp.id, (seatsTaken.get(opp.id) ?? 0) + students);
    const approvedAt = status === "proposed" ? null : new Date(createdAt.getTime() + 2 * DAY);
    const [match] = await tx
      .insert(matches)
      .values({
        regionId,
        requestId: request!.id,
        opportunityId: opp.id,
        employerId: opp.employerId,
        seats: students,
        status,
        proposedBy: teacher.id,
        approvedBy: approvedAt ? coordinator.id : null,
        approvedAt,
        acceptedAt: holds ? new Date(createdAt.getTime() + 4 * DAY) : null,
        scheduledAt: status === "scheduled" || status === "completed" ? start : null,
        completedAt: status === "completed" ? new Date(start.getTime() + 3600_000) : null,
        attendedStudents: status === "completed" ? students : null,
        closedAt: status === "cancelled" ? new Date(start.getTime() - 3 * DAY) : null,
        closeReason: status === "cancelled" ? "Bus fell through" : null,
        createdAt,
      })
      .returning();
    await tx.insert(matchEvents).values({
      matchId: match!.id,
      actorUserId: teacher.id,
      action: "propose",
      fromStatus: null,
      toStatus: "proposed",
      at: createdAt,
    });
    if (status === "completed") {
      const contact = employerContacts.get(opp.employerId);
      await tx.insert(matchFeedback).values([
        {
          matchId: match!.id,
          employerId: opp.employerId,
          userId: teacher.id,
          role: "teacher",
          rating: r.int(3, 5),
          hostAgain: true,
          comment: "Students were engaged the whole time.",
          createdAt: new Date(start.getTime() + DAY),
        },
        ...(contact
          ? [
              {
                matchId: match!.id,
                employerId: opp.employerId,
                userId: contact.id,
                role: "employer",
                rating: r.int(3, 5),
                hostAgain: r.chance(0.85),
                createdAt: new Date(start.getTime() + DAY),
              },
            ]
          : []),
      ]);
    }
  }
  for (const [id, taken] of seatsTaken) {
    await tx
      .update(opportunities)
      .set({ seatsTaken: taken })
      .where(and(eq(opportunities.id, id)));
  }
  return { opportunities: opps.length };
}
