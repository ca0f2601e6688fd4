/**
 * Test fixtures for the reporting features: rows inserted directly (tests seed organizations and
 * logins only), so each test controls exactly what the reports must count.
 */
import { evaluations, hoursEntries, matches, matchFeedback, opportunities, organizations, pathways, placements, requests, students } from "@bridgework/db";
import { type Kind, levelOf, type Sector } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import type { Harness } from "../../../test/harness.ts";

export interface Org {
  id: string;
  regionId: string;
  parentId: string | null;
}

export class Fixtures {
  private orgs = new Map<string, Org>();
  private seq = 0;
  constructor(readonly h: Harness) {}

  get db() {
    return this.h.db.db;
  }

  async org(name: string): Promise<Org> {
    let org = this.orgs.get(name);
    if (!org) {
      const [row] = await this.db.select({ id: organizations.id, regionId: organizations.regionId, parentId: organizations.parentId }).from(organizations).where(eq(organizations.name, name));
      if (!row) throw new Error(`no organization ${name}`);
      org = row;
      this.orgs.set(name, org);
    }
    return org;
  }

  async pathway(name: string): Promise<string> {
    const [row] = await this.db.select({ id: pathways.id }).from(pathways).where(eq(pathways.name, name));
    if (!row) throw new Error(`no pathway ${name}`);
    return row.id;
  }

  async opportunity(employer: string, kind: Kind, sector: Sector, more: Partial<typeof opportunities.$inferInsert> = {}): Promise<string> {
    const e = await this.org(employer);
    const [row] = await this.db
      .insert(opportunities)
      .values({ regionId: e.regionId, employerId: e.id, kind, level: levelOf(kind), sector, title: `${kind} at ${employer}`, modality: "in_person", capacity: 50, status: "published", ...more })
      .returning({ id: opportunities.id });
    return row!.id;
  }

  /** A request of a school; status open unless told. */
  async request(school: string, kind: Kind, sector: Sector, more: Partial<typeof requests.$inferInsert> = {}): Promise<string> {
    const s = await this.org(school);
    const [row] = await this.db
      .insert(requests)
      .values({
        regionId: s.regionId,
        districtId: s.parentId!,
        schoolId: s.id,
        createdBy: await this.h.userId("teacher@valley.example"),
        kind,
        level: levelOf(kind),
        sector,
        students: 20,
        gradeLevels: [10, 11],
        windowStart: "2025-09-01",
        windowEnd: "2025-09-30",
        modality: "in_person",
        ...more,
      })
      .returning({ id: requests.id });
    return row!.id;
  }

  /** A completed group engagement: a fulfilled request of `school` matched with `opportunityId`. */
  async completedMatch(school: string, opportunityId: string, completedAt: string, attended: number, more: { seats?: number; pathwayId?: string; approvedAt?: string; acceptedAt?: string | null } = {}): Promise<string> {
    const [o] = await this.db.select().from(opportunities).where(eq(opportunities.id, opportunityId));
    const requestId = await this.request(school, o!.kind, o!.sector as Sector, { status: "fulfilled", pathwayId: more.pathwayId ?? null });
    const done = new Date(completedAt);
    const approvedAt = new Date(more.approvedAt ?? done.getTime() - 10 * 86_400_000);
    const [row] = await this.db
      .insert(matches)
      .values({
        regionId: o!.regionId,
        requestId,
        opportunityId,
        employerId: o!.employerId,
        seats: more.seats ?? attended,
        status: "completed",
        proposedBy: await this.h.userId("teacher@valley.example"),
        approvedAt,
        acceptedAt: more.acceptedAt === null ? null : new Date(more.acceptedAt ?? approvedAt.getTime() + 86_400_000),
        completedAt: done,
        attendedStudents: attended,
      })
      .returning({ id: matches.id });
    return row!.id;
  }

  /** An ask the employer never accepted (approved, then declined). */
  async declinedAsk(school: string, opportunityId: string, approvedAt: string): Promise<string> {
    const [o] = await this.db.select().from(opportunities).where(eq(opportunities.id, opportunityId));
    const requestId = await this.request(school, o!.kind, o!.sector as Sector, { status: "open" });
    const [row] = await this.db
      .insert(matches)
      .values({ regionId: o!.regionId, requestId, opportunityId, employerId: o!.employerId, seats: 5, status: "declined", proposedBy: await this.h.userId("teacher@valley.example"), approvedAt: new Date(approvedAt), closedAt: new Date(approvedAt) })
      .returning({ id: matches.id });
    return row!.id;
  }

  async feedback(matchId: string, email: string, hostAgain: boolean) {
    const [m] = await this.db.select().from(matches).where(eq(matches.id, matchId));
    const role = email.startsWith("employer") || email.startsWith("builder") ? "employer" : "teacher";
    await this.db.insert(matchFeedback).values({ matchId, employerId: m!.employerId, userId: await this.h.userId(email), role, rating: 4, hostAgain });
  }

  async student(school: string, more: Partial<typeof students.$inferInsert> = {}): Promise<string> {
    const s = await this.org(school);
    const n = ++this.seq;
    const [row] = await this.db
      .insert(students)
      .values({ regionId: s.regionId, districtId: s.parentId!, schoolId: s.id, localId: `L${n}`, ssid: String(1_000_000_000 + n), firstName: `First${n}`, lastName: `Last${n}`, birthDate: "2009-03-01", grade: 11, ...more })
      .returning({ id: students.id });
    return row!.id;
  }

  /**
   * A placement of a student; completed at `completedAt` unless `status` says otherwise.
   * `hours`: [hours, status, date?] entries.
   */
  async placement(
    studentId: string,
    opportunityId: string,
    completedAt: string | null,
    more: { hours?: Array<[number, "approved" | "pending" | "rejected", string?]>; evaluation?: { given: boolean; hostAgain: boolean }; supervisorName?: string; status?: "active" | "completed" | "withdrawn" } = {},
  ): Promise<string> {
    const [st] = await this.db.select().from(students).where(eq(students.id, studentId));
    const [o] = await this.db.select().from(opportunities).where(eq(opportunities.id, opportunityId));
    const end = (completedAt ?? "2026-01-15T12:00:00Z").slice(0, 10);
    const [row] = await this.db
      .insert(placements)
      .values({
        regionId: st!.regionId,
        districtId: st!.districtId,
        schoolId: st!.schoolId,
        studentId,
        opportunityId,
        employerId: o!.employerId,
        startDate: end,
        endDate: end,
        supervisorName: more.supervisorName ?? "Sam Supervisor",
        supervisorEmail: "supervisor@example.org",
        status: more.status ?? (completedAt ? "completed" : "active"),
        completedAt: completedAt ? new Date(completedAt) : null,
        createdBy: await this.h.userId("coordinator@valley.example"),
      })
      .returning({ id: placements.id });
    const id = row!.id;
    const coordinator = await this.h.userId("coordinator@valley.example");
    for (const [hours, status, date] of more.hours ?? []) {
      await this.db.insert(hoursEntries).values({ placementId: id, date: date ?? end, hours, status, createdBy: coordinator });
    }
    if (more.evaluation) await this.db.insert(evaluations).values({ placementId: id, given: more.evaluation.given, hostAgain: more.evaluation.hostAgain, rating: more.evaluation.given ? 4 : null });
    return id;
  }
}
