import { createHash, randomBytes } from "node:crypto";
import {
  documents,
  hashPassword,
  hoursEntries,
  issueLink,
  organizations,
  outbox,
  passwordResets,
  placements,
  regions,
  students,
  users,
} from "@bridgework/db";
import { and, eq, sql } from "drizzle-orm";
import { createMatchVia, insertOpportunity as insertTour, insertRequest, post } from "../fixtures/match.fixtures.ts";
import { insertOpportunity } from "../fixtures/placement.fixtures.ts";
import { seedEmployerWithHistory } from "../fixtures/grow.fixtures.ts";
import { createHarness, DEMO_PASSWORD, type Harness, manualClock } from "../harness.ts";

/**
 * The world the authorization matrix runs in: the demo regions and people, and one of every kind
 * of Valley record the routes name (a student with a guardian, a placement with its paperwork,
 * hours, a request and its match, a certificate with its file, a calendar feed…). Writes act on
 * fresh records from `fresh`, so every cell of the matrix runs against a record in the right state.
 */

// "Today" falls inside the placements (June 15 – July 31, 2031), so hours can be logged.
export const WORLD_NOW = new Date("2031-07-01T17:00:00Z");
const LINK = /http:\/\/bridgework\.test\/invite\/([A-Za-z0-9_-]{40,})/;

let n = 0;
const tag = () => `${randomBytes(3).toString("hex")}${++n}`;
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

export type World = Awaited<ReturnType<typeof createWorld>>;

export async function createWorld() {
  const h: Harness = await createHarness({ clock: manualClock(WORLD_NOW) });
  const db = h.db.db;
  const org = (name: string) => h.orgId(name);
  const region = async (slug: string) =>
    (await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug)))[0]!.id;
  const ids = {
    valley: await region("valley"),
    coast: await region("coast"),
    intermediaryOrg: await org("Valley Career Pathways Collaborative"),
    district: await org("Valley Unified"),
    otherDistrict: await org("Riverbend Unified"),
    school: await org("Valley High"),
    otherSchool: await org("Eastside High"),
    employer: await org("Valley Medical Center"),
    otherEmployer: await org("Sierra Builders"),
    coastDistrict: await org("Coast Unified"),
    coastSchool: await org("Coast High"),
    coastEmployer: await org("Harbor Marine Lab"),
    coastIntermediaryOrg: await org("Coast Pathways Partnership"),
    teacherUser: await h.userId("teacher@valley.example"),
    coastUser: await h.userId("intermediary@coast.example"),
  };
  // No monthly ask cap: the matrix approves many asks to Valley Medical Center.
  await db.update(organizations).set({ askCapPerMonth: null }).where(eq(organizations.id, ids.employer));

  /** Every student and supervisor made, so the matrix can look for their private data in any answer. */
  const madeStudents: Array<typeof students.$inferSelect> = [];
  const supervisorEmails = ["supervisor.world@vmc.example"];

  /** A Valley High student with every kind of private data a response could leak. */
  async function freshStudent(over: Partial<typeof students.$inferInsert> = {}) {
    const t = tag();
    const [row] = await db
      .insert(students)
      .values({
        regionId: ids.valley,
        districtId: ids.district,
        schoolId: ids.school,
        localId: `MX-${t}`,
        ssid: `9${Date.now().toString().slice(-5)}${String(n).padStart(4, "0")}`.slice(0, 10),
        firstName: "Maya",
        lastName: `Zamorano${t}`,
        birthDate: "2014-02-13",
        grade: 11,
        guardianName: `Guadalupe Zamorano${t}`,
        guardianEmail: `guardian.${t}@family.example`,
        guardianPhone: `+1 559 555 ${t.slice(0, 4)}`,
        guardianLanguage: "en",
        gender: "F",
        raceEthnicity: "hispanic",
        ...over,
      })
      .returning();
    madeStudents.push(row!);
    return row!;
  }

  const internship = await insertOpportunity(h, { capacity: 1000, minAge: null, title: "Matrix lab internship" });
  const tourOpportunity = async () =>
    (await insertTour(h, { capacity: 1000, startsAt: null, endsAt: null, title: `Matrix tour ${tag()}` })).id;
  const tour = await tourOpportunity();

  /** A placement at Valley Medical Center made through the API (paperwork and sign links), then moved to `status`. */
  async function freshPlacement(status: "pending_paperwork" | "ready" | "active" | "completed" = "pending_paperwork") {
    const student = await freshStudent();
    const supervisorEmail = `supervisor.${tag()}@vmc.example`;
    supervisorEmails.push(supervisorEmail);
    const res = await post(h, "coordinator@valley.example", "/api/placements", {
      studentId: student.id,
      opportunityId: internship,
      startDate: "2031-06-15",
      endDate: "2031-07-31",
      supervisor: { name: "Dr. Lena Ortiz", email: supervisorEmail },
    });
    if (res.statusCode !== 201) throw new Error(`placement: ${res.statusCode} ${res.body}`);
    const placement = res.json<{ id: string; documents: Array<{ id: string; signer: { role: string } }> }>();
    if (status !== "pending_paperwork") {
      await db
        .update(documents)
        .set({ status: "signed", signedAt: WORLD_NOW, typedName: "Signed" })
        .where(eq(documents.placementId, placement.id));
      await db
        .update(placements)
        .set({
          status,
          activatedAt: status === "ready" ? null : WORLD_NOW,
          completedAt: status === "completed" ? WORLD_NOW : null,
        })
        .where(eq(placements.id, placement.id));
    }
    return { id: placement.id, student, supervisorEmail, documents: placement.documents };
  }

  async function freshRequest(teacher = "teacher@valley.example") {
    return (await insertRequest(h, { teacher, windowStart: "2031-07-05", windowEnd: "2031-08-30" })).id;
  }

  /** A match on a fresh request with one of Valley Medical Center's tours, driven to `status` through the API. */
  async function freshMatch(status: "proposed" | "approved" | "accepted" | "scheduled" | "completed" = "approved") {
    const requestId = await freshRequest();
    const match = await createMatchVia(
      h,
      status === "proposed" ? "teacher@valley.example" : "coordinator@valley.example",
      requestId,
      tour,
    );
    const step = async (as: string, action: string, payload: object) => {
      const res = await post(h, as, `/api/matches/${match.id}/${action}`, payload);
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    };
    if (status === "accepted") await step("employer@valley.example", "accept", {});
    if (status === "scheduled" || status === "completed")
      await step("employer@valley.example", "accept", { scheduledAt: "2031-07-10T16:00:00Z" });
    if (status === "completed") await step("coordinator@valley.example", "complete", { attendedStudents: 3 });
    return { id: match.id, requestId };
  }

  /** A Valley district of its own with one school and one student: for routes that act on a whole district (erase). */
  async function freshDistrict() {
    const t = tag();
    const [district] = await db
      .insert(organizations)
      .values({ regionId: ids.valley, type: "district", name: `Matrix Unified ${t}` })
      .returning();
    const [school] = await db
      .insert(organizations)
      .values({ regionId: ids.valley, type: "school", name: `Matrix High ${t}`, parentId: district!.id })
      .returning();
    const student = await freshStudent({ districtId: district!.id, schoolId: school!.id });
    return { id: district!.id, schoolId: school!.id, studentId: student.id };
  }

  async function freshHours(placementId: string) {
    const [row] = await db
      .insert(hoursEntries)
      .values({ placementId, date: "2031-06-20", hours: 4, status: "pending", createdBy: ids.teacherUser })
      .returning();
    return row!.id;
  }

  /** An invited, not yet active user; `employer` invites at Valley Medical Center, else a Valley High teacher. */
  async function freshInvitee(kind: "teacher" | "employer" = "teacher") {
    const email = `invitee.${tag()}@valley.example`;
    const res = await post(h, "intermediary@valley.example", "/api/users", {
      email,
      name: "Ivy Invitee",
      role: kind,
      organizationId: kind === "employer" ? ids.employer : ids.school,
    });
    if (res.statusCode !== 201) throw new Error(`invite: ${res.statusCode} ${res.body}`);
    const token = LINK.exec((await h.lastEmailTo(email))!.text)![1]!;
    return { id: res.json<{ id: string }>().id, email, token };
  }

  /** An active throwaway account at Valley High (its sessions may be ended by a password reset). */
  async function freshAccount() {
    const email = `account.${tag()}@valley.example`;
    const [row] = await db
      .insert(users)
      .values({
        regionId: ids.valley,
        organizationId: ids.school,
        email,
        name: "Ada Account",
        role: "teacher",
        status: "active",
        passwordHash: await hashPassword(DEMO_PASSWORD),
      })
      .returning();
    return { id: row!.id, email };
  }

  async function freshPasswordReset() {
    const account = await freshAccount();
    const token = randomBytes(32).toString("base64url");
    await db.insert(passwordResets).values({
      email: account.email,
      ip: "203.0.113.9",
      userId: account.id,
      tokenHash: sha256(token),
      expiresAt: new Date(WORLD_NOW.getTime() + 3600_000),
    });
    return token;
  }

  /** A sign packet link for the guardian of a fresh placement, with the document it shows first. */
  async function freshSignLink() {
    const placement = await freshPlacement();
    const link = await issueLink(db, {
      purpose: "sign",
      placementId: placement.id,
      signerRole: "guardian",
      now: WORLD_NOW,
    });
    const show = await h.app.inject({ method: "GET", url: `/api/sign/${link.token}` });
    return { token: link.token, documentId: show.json<{ documentId: string }>().documentId };
  }

  async function freshHoursLink() {
    const placement = await freshPlacement("active");
    const entryId = await freshHours(placement.id);
    const link = await issueLink(db, { purpose: "hours", placementId: placement.id, now: WORLD_NOW });
    return { token: link.token, entryId };
  }

  async function freshEvaluationLink() {
    const placement = await freshPlacement("completed");
    return (await issueLink(db, { purpose: "evaluation", placementId: placement.id, now: WORLD_NOW })).token;
  }

  // The records every read names.
  const student = await freshStudent();
  const placementRes = await post(h, "coordinator@valley.example", "/api/placements", {
    studentId: student.id,
    opportunityId: internship,
    startDate: "2031-06-15",
    endDate: "2031-07-31",
    supervisor: { name: "Dr. Lena Ortiz", email: `supervisor.world@vmc.example` },
  });
  if (placementRes.statusCode !== 201) throw new Error(`world placement: ${placementRes.body}`);
  const placement = placementRes.json<{ id: string; documents: Array<{ id: string }> }>();
  // Paperwork signed by hand (a real signature would need the emailed link): the PDF route needs a signed document.
  const signedDocument = placement.documents[0]!.id;
  await db
    .update(documents)
    .set({
      status: "signed",
      signedAt: WORLD_NOW,
      typedName: student.guardianName,
      pdf: Buffer.from("%PDF-1.4 matrix"),
    })
    .where(eq(documents.id, signedDocument));
  const hoursEntry = await freshHours(placement.id);
  const match = await freshMatch("approved");
  const certificate = await post(h, "intermediary@valley.example", `/api/organizations/${ids.employer}/insurance`, {
    carrier: "Golden State Mutual",
    policyNumber: "GL-MATRIX",
    coverageAmount: 2_000_000,
    expiresOn: "2099-12-31",
    file: { name: "coi.pdf", contentBase64: Buffer.from("%PDF-1.4 certificate").toString("base64") },
  });
  if (certificate.statusCode !== 201) throw new Error(`certificate: ${certificate.body}`);
  // A feed of its own account: the matrix's people reset and delete their own feeds.
  const feed = await h.app.inject({
    method: "POST",
    url: "/api/me/calendar-feed",
    headers: await h.as((await freshAccount()).email),
  });
  const feedFile = new URL(feed.json<{ url: string }>().url).pathname.split("/").pop()!;
  const invitees = { teacher: await freshInvitee("teacher"), employer: await freshInvitee("employer") };
  const [email] = await db
    .execute<{ id: string }>(
      sql`SELECT o.id FROM outbox o JOIN emails e ON e.id = (o.payload->>'emailId')::uuid WHERE e.region_id = ${ids.valley} LIMIT 1`,
    )
    .then((r) => r.rows);
  const [pathway] = await db
    .execute<{ id: string }>(
      sql`SELECT id FROM pathways WHERE region_id = ${ids.valley} AND school_id = ${ids.school} LIMIT 1`,
    )
    .then((r) => r.rows);

  // Every Valley organization, person and record id: another region's answers hold none of them.
  const valleyIds = await db
    .execute<{ id: string }>(
      sql`SELECT id FROM organizations WHERE region_id = ${ids.valley} UNION ALL SELECT id FROM users WHERE region_id = ${ids.valley}`,
    )
    .then((r) => r.rows.map((row) => row.id));
  valleyIds.push(
    student.id,
    placement.id,
    match.id,
    match.requestId,
    internship,
    tour,
    certificate.json<{ id: string }>().id,
  );

  return {
    h,
    ids,
    valleyIds,
    students: madeStudents,
    supervisorEmails,
    student,
    placement: { id: placement.id, signedDocument, supervisorEmail: "supervisor.world@vmc.example" },
    hoursEntry,
    match,
    internship,
    tour,
    certificate: certificate.json<{ id: string }>().id,
    feedFile,
    invitees,
    failedJob: email!.id,
    pathway: pathway!.id,
    /** Makes the world's job failed again, so a retry has something to retry. */
    async failJob() {
      await db
        .update(outbox)
        .set({ status: "failed" })
        .where(and(eq(outbox.id, email!.id)));
    },
    fresh: {
      student: freshStudent,
      placement: freshPlacement,
      district: freshDistrict,
      request: freshRequest,
      match: freshMatch,
      opportunity: (status: "draft" | "published" | "paused" = "published") =>
        insertOpportunity(h, { status, capacity: 10, title: `Matrix opening ${tag()}` }),
      tourOpportunity,
      invitee: freshInvitee,
      account: freshAccount,
      passwordReset: freshPasswordReset,
      signLink: freshSignLink,
      hoursLink: freshHoursLink,
      evaluationLink: freshEvaluationLink,
      tag,
      /** A new Valley employer the grow list names (two well-rated guest talks), ready for an invitation. */
      growEmployer: async () => {
        const t = tag();
        const e = await seedEmployerWithHistory(db, {
          name: `Matrix Grow ${t}`,
          contactEmail: `grow-${t}@matrix.example`,
          now: WORLD_NOW,
          talks: 2,
        });
        return e.employerId;
      },
    },
  };
}
