import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
} from "../../../test/fixtures/placement.fixtures.ts";

// What each role reads of a placement (domain placement-views.ts), asserted key by key: a field
// added to the answer without being allow-listed fails here.
let h: Harness;
let placementId: string;
let studentId: string;
let lastName: string;
const secrets: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  const student = await insertStudent(h, { guardianName: "Rosa Guardiana" });
  // Sierra Builders has no certificate, so a staff override (with its note) can be recorded.
  const opportunity = await insertOpportunity(h, { employer: "Sierra Builders" });
  const body = placementBody(student.id, opportunity);
  const created = await createPlacement(h, body);
  expect(created.statusCode).toBe(201);
  placementId = created.json().id;
  studentId = student.id;
  lastName = student.lastName;
  const headers = await h.as("coordinator@valley.example");
  const override = await h.app.inject({
    method: "POST",
    url: `/api/placements/${placementId}/insurance-override`,
    headers,
    payload: { kind: "rider", note: "Rider note naming the family situation" },
  });
  expect(override.statusCode).toBe(200);
  const withdrawn = await h.app.inject({
    method: "POST",
    url: `/api/placements/${placementId}/withdraw`,
    headers,
    payload: { reason: "Family moved to Fresno" },
  });
  expect(withdrawn.statusCode).toBe(200);
  secrets.push(
    "Rosa Guardiana",
    student.guardianEmail,
    (body.supervisor as { email: string }).email,
    "Rider note naming the family situation",
    "Family moved to Fresno",
  );
});
afterAll(() => h.close());

const keys = (o: object) => Object.keys(o).sort();
const CORE = [
  "createdAt",
  "documents",
  "employerId",
  "employerName",
  "endDate",
  "hoursApproved",
  "hoursPending",
  "id",
  "insurance",
  "opportunityId",
  "opportunityTitle",
  "startDate",
  "status",
  "student",
  "supervisor",
  "updatedAt",
];

/** The placement as one person reads it, through the single read and through the list. */
async function readAs(email: string) {
  const headers = await h.as(email);
  const one = await h.app.inject({ method: "GET", url: `/api/placements/${placementId}`, headers });
  const list = await h.app.inject({ method: "GET", url: `/api/placements?studentId=${studentId}`, headers });
  expect(one.statusCode).toBe(200);
  expect(list.statusCode).toBe(200);
  const listed = list.json().items;
  expect(listed).toHaveLength(1);
  expect(listed[0]).toEqual(one.json());
  return { placement: one.json(), bodies: [one.body, list.body] };
}

describe("the fields each role reads of a placement", () => {
  it.each(["coordinator@valley.example", "intermediary@valley.example"])(
    "gives %s everything: guardians, the supervisor's email, staff notes",
    async (email) => {
      const { placement } = await readAs(email);
      expect(keys(placement)).toEqual([...CORE, "withdrawReason"].sort());
      expect(keys(placement.student)).toEqual(["firstName", "grade", "id", "lastInitial", "lastName", "schoolName"]);
      expect(keys(placement.supervisor)).toEqual(["email", "language", "name"]);
      expect(keys(placement.documents[0])).toEqual([
        "dueOn",
        "id",
        "kind",
        "language",
        "signedAt",
        "signer",
        "status",
        "templateVersion",
      ]);
      expect(
        placement.documents.find((d: { signer: { role: string } }) => d.signer.role === "guardian").signer,
      ).toMatchObject({ name: "Rosa Guardiana", email: expect.stringContaining("@family.example") });
      expect(placement.insurance.override).toMatchObject({
        kind: "rider",
        note: "Rider note naming the family situation",
      });
      expect(placement.withdrawReason).toBe("Family moved to Fresno");
    },
  );

  it("gives a teacher of the school the student's full name and the paperwork's progress by role, without guardians, the supervisor's email or staff notes", async () => {
    const { placement, bodies } = await readAs("teacher@valley.example");
    expect(keys(placement)).toEqual(CORE);
    expect(keys(placement.student)).toEqual(["firstName", "grade", "id", "lastInitial", "lastName", "schoolName"]);
    expect(keys(placement.supervisor)).toEqual(["name"]);
    expect(placement.documents.length).toBeGreaterThan(0);
    for (const doc of placement.documents) {
      expect(keys(doc)).toEqual(["dueOn", "id", "kind", "signedAt", "signer", "status"]);
      expect(keys(doc.signer)).toEqual(["role"]);
    }
    expect(keys(placement.insurance)).toEqual(["expiresOn", "override", "status"]);
    expect(keys(placement.insurance.override)).toEqual(["kind", "recordedAt"]);
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  });

  it("gives the employer the student as first name, last initial, grade and school, its own supervisor, and the paperwork by role only", async () => {
    const { placement, bodies } = await readAs("builder@valley.example");
    expect(keys(placement)).toEqual(CORE);
    expect(keys(placement.student)).toEqual(["firstName", "grade", "id", "lastInitial", "schoolName"]);
    expect(keys(placement.supervisor)).toEqual(["email", "language", "name"]);
    for (const doc of placement.documents) {
      expect(keys(doc)).toEqual(["dueOn", "id", "kind", "signedAt", "signer", "status"]);
      expect(keys(doc.signer)).toEqual(["role"]);
    }
    expect(keys(placement.insurance.override)).toEqual(["kind", "recordedAt"]);
    const supervisorEmail = secrets[2]!;
    for (const body of bodies) {
      for (const secret of secrets.filter((s) => s !== supervisorEmail)) expect(body).not.toContain(secret);
      expect(body).not.toContain(lastName);
    }
  });
});
