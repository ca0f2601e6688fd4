import {
  evaluations,
  hoursEntries,
  matches,
  matchFeedback,
  opportunities,
  placements,
  reportEmployerFirsts,
  reportExperiences,
  requests,
  students,
} from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/** report_experiences is kept by triggers: whatever writes the sources, the read model follows in the same transaction. */
let h: Harness;
let f: Fixtures;
beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
});
afterAll(() => h.close());

const rowOf = async (column: "matchId" | "placementId", id: string) =>
  (await h.db.db.select().from(reportExperiences).where(eq(reportExperiences[column], id)))[0];

describe("the report read model", () => {
  it("records a match completed through the API, with the request's school and the opportunity's kind", async () => {
    const employer = await h.as("employer@valley.example");
    const coordinator = await h.as("coordinator@valley.example");
    const opp = await h.app.inject({
      method: "POST",
      url: "/api/opportunities",
      headers: employer,
      payload: {
        kind: "industry_tour",
        sector: "Health Science and Medical Technology",
        title: "Lab tour",
        description: "Walk through the lab.",
        modality: "in_person",
        capacity: 30,
      },
    });
    expect(opp.statusCode, opp.body).toBe(201);
    expect(
      (await h.app.inject({ method: "POST", url: `/api/opportunities/${opp.json().id}/publish`, headers: employer }))
        .statusCode,
    ).toBe(200);
    const request = await h.app.inject({
      method: "POST",
      url: "/api/requests",
      headers: await h.as("teacher@valley.example"),
      payload: {
        kind: "industry_tour",
        sector: "Health Science and Medical Technology",
        students: 20,
        gradeLevels: [10],
        windowStart: "2030-01-10",
        windowEnd: "2030-02-10",
        modality: "in_person",
      },
    });
    expect(request.statusCode, request.body).toBe(201);
    const match = await h.app.inject({
      method: "POST",
      url: "/api/matches",
      headers: coordinator,
      payload: { requestId: request.json().id, opportunityId: opp.json().id, seats: 20 },
    });
    expect(match.statusCode, match.body).toBe(201);
    const id = match.json().id as string;
    expect(
      (await h.app.inject({ method: "POST", url: `/api/matches/${id}/accept`, headers: employer, payload: {} }))
        .statusCode,
    ).toBe(200);
    expect(await rowOf("matchId", id)).toBeUndefined();
    const done = await h.app.inject({
      method: "POST",
      url: `/api/matches/${id}/complete`,
      headers: coordinator,
      payload: { attendedStudents: 18 },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await rowOf("matchId", id)).toMatchObject({
      kind: "industry_tour",
      level: "exposure",
      attended: 18,
      seats: 20,
      schoolId: (await f.org("Valley High")).id,
      studentId: null,
    });
  });

  it("follows edits of the opportunity and the request, and forgets a match that is no longer completed", async () => {
    const opp = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades");
    const id = await f.completedMatch("Valley High", opp, "2025-10-01T12:00:00Z", 12);
    await h.db.db
      .update(opportunities)
      .set({ sector: "Engineering and Architecture" })
      .where(eq(opportunities.id, opp));
    const [m] = await h.db.db.select().from(matches).where(eq(matches.id, id));
    const eastside = await f.org("Eastside High");
    await h.db.db
      .update(requests)
      .set({ schoolId: eastside.id, pathwayId: await f.pathway("Residential and Commercial Construction") })
      .where(eq(requests.id, m!.requestId));
    expect(await rowOf("matchId", id)).toMatchObject({ sector: "Engineering and Architecture", schoolId: eastside.id });
    await h.db.db.update(matches).set({ status: "cancelled", completedAt: null }).where(eq(matches.id, id));
    expect(await rowOf("matchId", id)).toBeUndefined();
  });

  it("keeps a placement's approved hours current and drops the row with the student", async () => {
    const opp = await f.opportunity("Valley Medical Center", "internship", "Health Science and Medical Technology");
    const student = await f.student("Valley High");
    const id = await f.placement(student, opp, null, { hours: [[4, "approved"]] });
    expect(await rowOf("placementId", id)).toBeUndefined();
    await h.db.db
      .update(placements)
      .set({ status: "completed", completedAt: new Date("2026-01-20T12:00:00Z") })
      .where(eq(placements.id, id));
    expect(await rowOf("placementId", id)).toMatchObject({ hours: 4, studentId: student, completedOn: "2026-01-20" });
    await h.db.db.insert(hoursEntries).values({
      placementId: id,
      date: "2026-01-21",
      hours: 2.5,
      status: "approved",
      createdBy: await h.userId("coordinator@valley.example"),
    });
    await h.db.db.insert(hoursEntries).values({
      placementId: id,
      date: "2026-01-22",
      hours: 3,
      status: "pending",
      createdBy: await h.userId("coordinator@valley.example"),
    });
    expect((await rowOf("placementId", id))!.hours).toBe(6.5);
    await h.db.db.delete(hoursEntries).where(eq(hoursEntries.hours, 2.5));
    expect((await rowOf("placementId", id))!.hours).toBe(4);
    // A district deleting a student's data deletes what the reports kept of it.
    await h.db.db.delete(students).where(eq(students.id, student));
    expect(await rowOf("placementId", id)).toBeUndefined();
  });

  it("keeps each employer's first completed experience as experiences come, move and go", async () => {
    const employer = (await f.org("Pixel Orchard Software")).id;
    const firstOf = async () =>
      (await h.db.db.select().from(reportEmployerFirsts).where(eq(reportEmployerFirsts.employerId, employer)))[0]
        ?.firstCompletedOn ?? null;
    expect(await firstOf()).toBeNull();
    const opp = await f.opportunity(
      "Pixel Orchard Software",
      "guest_speaker",
      "Information and Communication Technologies",
    );
    const later = await f.completedMatch("Valley High", opp, "2026-03-02T12:00:00Z", 20);
    expect(await firstOf()).toBe("2026-03-02");
    const earlier = await f.completedMatch("Valley High", opp, "2025-06-30T12:00:00Z", 15);
    expect(await firstOf()).toBe("2025-06-30");
    await h.db.db
      .update(matches)
      .set({ completedAt: new Date("2025-07-01T12:00:00Z") })
      .where(eq(matches.id, earlier));
    expect(await firstOf()).toBe("2025-07-01");
    // Hours, sectors and schools change without moving anyone's first date.
    await h.db.db
      .update(opportunities)
      .set({ sector: "Engineering and Architecture" })
      .where(eq(opportunities.id, opp));
    expect(await firstOf()).toBe("2025-07-01");
    await h.db.db.update(matches).set({ status: "cancelled", completedAt: null }).where(eq(matches.id, earlier));
    expect(await firstOf()).toBe("2026-03-02");
    await h.db.db.update(matches).set({ status: "cancelled", completedAt: null }).where(eq(matches.id, later));
    expect(await firstOf()).toBeNull();
  });

  it("keeps each experience's host-again answer, feedback and evaluation as they are given, changed and removed", async () => {
    const answers = async (column: "matchId" | "placementId", id: string) => {
      const row = await rowOf(column, id);
      return { hostAgain: row!.hostAgain, hasFeedback: row!.hasFeedback, evaluated: row!.evaluated };
    };
    const tour = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades");
    const match = await f.completedMatch("Eastside High", tour, "2026-02-10T12:00:00Z", 14);
    expect(await answers("matchId", match)).toEqual({ hostAgain: null, hasFeedback: false, evaluated: false });
    await f.feedback(match, "teacher@valley.example", true);
    expect(await answers("matchId", match)).toEqual({ hostAgain: true, hasFeedback: true, evaluated: false });
    // Everyone who answered must say yes.
    await f.feedback(match, "builder@valley.example", false);
    expect((await answers("matchId", match)).hostAgain).toBe(false);
    await h.db.db
      .delete(matchFeedback)
      .where(and(eq(matchFeedback.matchId, match), eq(matchFeedback.hostAgain, false)));
    expect((await answers("matchId", match)).hostAgain).toBe(true);
    // Feedback given before completion is on the row from the start.
    const early = await f.completedMatch("Eastside High", tour, "2026-02-11T12:00:00Z", 9);
    await h.db.db.update(matches).set({ status: "accepted", completedAt: null }).where(eq(matches.id, early));
    await f.feedback(early, "teacher@valley.example", false);
    await h.db.db
      .update(matches)
      .set({ status: "completed", completedAt: new Date("2026-02-12T12:00:00Z") })
      .where(eq(matches.id, early));
    expect(await answers("matchId", early)).toEqual({ hostAgain: false, hasFeedback: true, evaluated: false });

    const intern = await f.opportunity("Valley Medical Center", "internship", "Health Science and Medical Technology");
    const placement = await f.placement(await f.student("Valley High"), intern, "2026-03-01T12:00:00Z", {
      evaluation: { given: true, hostAgain: true },
    });
    expect(await answers("placementId", placement)).toEqual({ hostAgain: true, hasFeedback: false, evaluated: true });
    await h.db.db
      .update(evaluations)
      .set({ given: false, hostAgain: false })
      .where(eq(evaluations.placementId, placement));
    expect(await answers("placementId", placement)).toEqual({ hostAgain: false, hasFeedback: false, evaluated: false });
    await h.db.db.delete(evaluations).where(eq(evaluations.placementId, placement));
    expect(await answers("placementId", placement)).toEqual({ hostAgain: null, hasFeedback: false, evaluated: false });
  });
});
