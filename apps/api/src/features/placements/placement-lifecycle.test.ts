import { emails, opportunities } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  recordInsurance,
  showLink,
  signEverything,
  signLink,
  signTokens,
} from "../../../test/fixtures/placement.fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // Valley Medical Center is insured unless a test says otherwise; Sierra Builders has no certificate.
  expect((await recordInsurance(h, "Valley Medical Center", "2099-12-31")).statusCode).toBe(201);
});
afterAll(() => h.close());

async function place(employer = "Valley Medical Center", capacity = 5) {
  const student = await insertStudent(h);
  const opp = await insertOpportunity(h, { employer, capacity });
  const res = await createPlacement(h, placementBody(student.id, opp));
  expect(res.statusCode).toBe(201);
  return { student, opp, placement: res.json() };
}

const act = async (id: string, action: string, as = "coordinator@valley.example", payload?: unknown) =>
  h.app.inject({
    method: "POST",
    url: `/api/placements/${id}/${action}`,
    headers: await h.as(as),
    payload: payload as object,
  });
const get = async (id: string, as = "coordinator@valley.example") =>
  h.app.inject({ method: "GET", url: `/api/placements/${id}`, headers: await h.as(as) });

describe("paperwork gates activation", () => {
  it("refuses activation with 422 paperwork-incomplete until every document is signed, then activates (200)", async () => {
    const { placement, student } = await place();
    const first = await act(placement.id, "activate");
    expect(first.statusCode).toBe(422);
    expect(first.json().type).toBe("https://bridgework.dev/problems/paperwork-incomplete");
    expect(first.json().detail).toContain("4 documents are not signed yet");
    // The guardian signs; the supervisor has not.
    const [guardianPacket] = await signTokens(h, student.guardianEmail);
    for (let i = 0; i < 3; i++) expect((await signLink(h, guardianPacket!)).statusCode).toBe(200);
    const still = await act(placement.id, "activate");
    expect(still.statusCode).toBe(422);
    expect(still.json().detail).toContain("1 document is not signed yet: Worksite agreement.");
    expect(still.json().unsigned).toEqual([{ id: expect.any(String), kind: "worksite_agreement" }]);
    expect((await get(placement.id)).json().status).toBe("pending_paperwork");
    await signEverything(h, placement);
    const ready = (await get(placement.id)).json();
    expect(ready.status).toBe("ready");
    expect(ready.documents.every((d: { status: string }) => d.status === "signed")).toBe(true);
    const activated = await act(placement.id, "activate");
    expect(activated.statusCode).toBe(200);
    expect(activated.json().status).toBe("active");
    expect((await act(placement.id, "activate")).statusCode).toBe(409);
  });

  it("moves to ready by itself when the last document is signed, and tells the district's coordinator", async () => {
    const { placement } = await place();
    await signEverything(h, placement);
    expect((await get(placement.id)).json().status).toBe("ready");
    const [mail] = await h.db.db
      .select()
      .from(emails)
      .where(
        and(
          eq(emails.to, "coordinator@valley.example"),
          eq(emails.dedupeKey, `placement:${placement.id}:ready:${await h.userId("coordinator@valley.example")}`),
        ),
      );
    expect(mail!.subject).toMatch(/^Paperwork complete/);
  });
});

describe("insurance gates activation", () => {
  it("refuses activation with 422 insurance-required when the employer has no certificate, until an override is recorded", async () => {
    const { placement } = await place("Sierra Builders");
    await signEverything(h, placement);
    const refused = await act(placement.id, "activate");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe("https://bridgework.dev/problems/insurance-required");
    expect(refused.json().detail).toContain("no certificate of insurance");
    expect(refused.json().insurance).toBe("missing");
    expect((await get(placement.id)).json().insurance).toEqual({ status: "missing", expiresOn: null, override: null });
    const override = await act(placement.id, "insurance-override", "coordinator@valley.example", {
      kind: "rider",
      note: "Covered by the district's rider, policy 44-B",
    });
    expect(override.statusCode).toBe(200);
    expect(override.json().insurance).toMatchObject({
      status: "missing",
      override: { kind: "rider", note: "Covered by the district's rider, policy 44-B" },
    });
    expect((await act(placement.id, "activate")).statusCode).toBe(200);
  });

  it("refuses activation when the latest certificate has expired, and allows it once a current one is recorded", async () => {
    expect((await recordInsurance(h, "Pixel Orchard Software", "2020-01-31")).statusCode).toBe(201);
    const { placement } = await place("Pixel Orchard Software");
    await signEverything(h, placement);
    const refused = await act(placement.id, "activate");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe("https://bridgework.dev/problems/insurance-required");
    expect(refused.json().detail).toContain("expired on 2020-01-31");
    expect((await recordInsurance(h, "Pixel Orchard Software", "2099-06-30")).statusCode).toBe(201);
    const res = await act(placement.id, "activate");
    expect(res.statusCode).toBe(200);
    expect(res.json().insurance).toMatchObject({ status: "valid", expiresOn: "2099-06-30", override: null });
  });

  it("validates the override (400) and refuses it from employers (403)", async () => {
    const { placement } = await place();
    expect(
      (await act(placement.id, "insurance-override", "coordinator@valley.example", { kind: "blanket", note: "x" }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await act(placement.id, "insurance-override", "employer@valley.example", {
          kind: "waiver",
          note: "Signed waiver on file",
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("completing and withdrawing", () => {
  it("withdraws with a reason: frees the seat, voids unsigned documents and revokes their links", async () => {
    const { placement, opp, student } = await place("Valley Medical Center", 1);
    const [before] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, opp));
    expect(before!.seatsTaken).toBe(1);
    expect((await act(placement.id, "withdraw", "coordinator@valley.example", {})).statusCode).toBe(400);
    const res = await act(placement.id, "withdraw", "coordinator@valley.example", {
      reason: "Family moved out of the district",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "withdrawn", withdrawReason: "Family moved out of the district" });
    expect(res.json().documents.every((d: { status: string }) => d.status === "void")).toBe(true);
    const [after] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, opp));
    expect(after!.seatsTaken).toBe(0);
    for (const token of await signTokens(h, student.guardianEmail))
      expect((await showLink(h, token)).statusCode).toBe(410);
    // The freed seat can be taken again.
    expect((await createPlacement(h, placementBody((await insertStudent(h)).id, opp))).statusCode).toBe(201);
    expect((await act(placement.id, "withdraw", "coordinator@valley.example", { reason: "again" })).statusCode).toBe(
      409,
    );
  });

  it("settles a withdrawal racing the guardian's signatures without a server error: signed or 410, never both ready and withdrawn", async () => {
    const { placement, student } = await place();
    const tokens = await signTokens(h, student.guardianEmail);
    const [withdrawn, ...signed] = await Promise.all([
      act(placement.id, "withdraw", "coordinator@valley.example", { reason: "Student changed schedule" }),
      ...tokens.map((t) => signLink(h, t)),
    ]);
    expect(withdrawn!.statusCode).toBe(200);
    expect(signed.every((r) => r.statusCode === 200 || r.statusCode === 410)).toBe(true);
    const after = (await get(placement.id)).json();
    expect(after.status).toBe("withdrawn");
    expect(after.documents.every((d: { status: string }) => d.status === "signed" || d.status === "void")).toBe(true);
  });

  it("completes an active placement (the seat stays counted) and refuses completing one that is not active (409)", async () => {
    const { placement, opp } = await place();
    expect((await act(placement.id, "complete")).statusCode).toBe(409);
    await signEverything(h, placement);
    expect((await act(placement.id, "activate")).statusCode).toBe(200);
    const res = await act(placement.id, "complete", "intermediary@valley.example");
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("completed");
    const [o] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, opp));
    expect(o!.seatsTaken).toBe(1);
  });
});

describe("resending a document", () => {
  it("revokes the old link (410) and emails a new one that works", async () => {
    const { placement, student } = await place();
    const [oldToken] = await signTokens(h, student.guardianEmail);
    const docId = (await showLink(h, oldToken!)).json().documentId;
    const res = await act(placement.id, `documents/${docId}/resend`);
    expect(res.statusCode).toBe(200);
    expect((await showLink(h, oldToken!)).statusCode).toBe(410);
    expect((await signLink(h, oldToken!)).statusCode).toBe(410);
    const tokens = await signTokens(h, student.guardianEmail);
    // One fresh packet link for the guardian's documents.
    expect(tokens).toHaveLength(2);
    const fresh = tokens[1]!;
    expect((await showLink(h, fresh)).json().documentId).toBe(docId);
    expect((await signLink(h, fresh)).statusCode).toBe(200);
    // A signed document is not re-sent.
    expect((await act(placement.id, `documents/${docId}/resend`)).statusCode).toBe(409);
  });

  it("answers 404 for a document of another placement and refuses teachers (403)", async () => {
    const a = await place();
    const b = await place();
    expect((await act(a.placement.id, `documents/${b.placement.documents[0].id}/resend`)).statusCode).toBe(404);
    expect(
      (await act(a.placement.id, `documents/${a.placement.documents[0].id}/resend`, "teacher@valley.example"))
        .statusCode,
    ).toBe(403);
  });
});

describe("who sees and changes placements", () => {
  it("shows the employer only the student's first name, last initial, grade and school — no last name, no guardian contact", async () => {
    const { placement, student } = await place();
    const res = await get(placement.id, "employer@valley.example");
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().student).sort()).toEqual(["firstName", "grade", "id", "lastInitial", "schoolName"]);
    expect(res.json().student).toMatchObject({
      firstName: "Maya",
      lastInitial: "Q",
      grade: 11,
      schoolName: "Valley High",
    });
    expect(res.body).not.toContain(student.lastName);
    expect(res.body).not.toContain(student.guardianEmail);
    expect(res.body).not.toContain("Rosa Quintero");
    const list = await h.app.inject({
      method: "GET",
      url: "/api/placements?status=pending_paperwork",
      headers: await h.as("employer@valley.example"),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.body).not.toContain(student.lastName);
    expect(
      list
        .json()
        .items.every(
          (p: { employerName: string; status: string }) =>
            p.employerName === "Valley Medical Center" && p.status === "pending_paperwork",
        ),
    ).toBe(true);
  });

  it("shows the coordinator the full name; another employer and another district get 404", async () => {
    const { placement, student } = await place();
    expect((await get(placement.id)).json().student.lastName).toBe(student.lastName);
    expect((await get(placement.id, "builder@valley.example")).statusCode).toBe(404);
    expect((await get(placement.id, "coordinator@riverbend.example")).statusCode).toBe(404);
    expect((await get(placement.id, "teacher2@valley.example")).statusCode).toBe(404);
    expect((await get(placement.id, "teacher@valley.example")).statusCode).toBe(200);
  });

  it.each(["coordinator@coast.example", "employer@coast.example", "intermediary@coast.example"])(
    "answers 404 to %s for a Valley placement, whatever the action",
    async (email) => {
      const { placement } = await place();
      expect((await get(placement.id, email)).statusCode).toBe(404);
      const codes = await Promise.all(
        ["activate", "complete"].map(async (a) => (await act(placement.id, a, email)).statusCode),
      );
      expect(codes.every((c) => c === 404 || c === 403)).toBe(true);
      if (email !== "employer@coast.example") expect(codes).toEqual([404, 404]);
      const list = await h.app.inject({ method: "GET", url: "/api/placements", headers: await h.as(email) });
      expect(list.json().items.find((p: { id: string }) => p.id === placement.id)).toBeUndefined();
    },
  );

  it("refuses the employer activating (403) and the teacher activating or withdrawing (403)", async () => {
    const { placement } = await place();
    expect((await act(placement.id, "activate", "employer@valley.example")).statusCode).toBe(403);
    expect((await act(placement.id, "activate", "teacher@valley.example")).statusCode).toBe(403);
    expect(
      (await act(placement.id, "withdraw", "teacher@valley.example", { reason: "not mine to end" })).statusCode,
    ).toBe(403);
  });
});
