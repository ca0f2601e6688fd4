// Test fixtures for placement, signing, insurance and template tests (imported only by *.test.ts).
// Students and opportunities are inserted directly: their own endpoints are tested elsewhere.
import { emails, opportunities, organizations, students } from "@bridgework/db";
import { KIND_LEVEL, type Kind } from "@bridgework/domain";
import { asc, eq } from "drizzle-orm";
import type { Harness } from "../../../test/harness.ts";

let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

export interface StudentFixture {
  id: string;
  firstName: string;
  lastName: string;
  guardianEmail: string;
}

export async function insertStudent(
  h: Harness,
  over: { school?: string; birthDate?: string; guardianLanguage?: "en" | "es"; firstName?: string; lastName?: string; guardianName?: string; guardian?: boolean } = {},
): Promise<StudentFixture> {
  const [school] = await h.db.db.select().from(organizations).where(eq(organizations.name, over.school ?? "Valley High"));
  const tag = unique();
  const guardianEmail = `guardian.${tag}@family.example`;
  const [row] = await h.db.db
    .insert(students)
    .values({
      regionId: school!.regionId,
      districtId: school!.parentId!,
      schoolId: school!.id,
      localId: `S-${tag}`,
      firstName: over.firstName ?? "Maya",
      lastName: over.lastName ?? `Quintero${tag}`,
      birthDate: over.birthDate ?? "2014-09-01",
      grade: 11,
      guardianName: over.guardian === false ? null : (over.guardianName ?? "Rosa Quintero"),
      guardianEmail: over.guardian === false ? null : guardianEmail,
      guardianLanguage: over.guardianLanguage ?? "en",
    })
    .returning();
  return { id: row!.id, firstName: row!.firstName, lastName: row!.lastName, guardianEmail };
}

export async function insertOpportunity(
  h: Harness,
  over: { employer?: string; capacity?: number; minAge?: number | null; status?: "draft" | "published" | "paused" | "closed"; kind?: Kind; title?: string } = {},
): Promise<string> {
  const [employer] = await h.db.db.select().from(organizations).where(eq(organizations.name, over.employer ?? "Valley Medical Center"));
  const kind = over.kind ?? "internship";
  const [row] = await h.db.db
    .insert(opportunities)
    .values({
      regionId: employer!.regionId,
      employerId: employer!.id,
      kind,
      level: KIND_LEVEL[kind],
      sector: "Health Science and Medical Technology",
      title: over.title ?? "Summer clinical lab internship",
      description: "Six weeks in the outpatient lab.",
      modality: "in_person",
      capacity: over.capacity ?? 5,
      minAge: over.minAge === undefined ? 16 : over.minAge,
      status: over.status ?? "published",
    })
    .returning({ id: opportunities.id });
  return row!.id;
}

export const supervisorEmail = () => `supervisor.${unique()}@vmc.example`;

export function placementBody(studentId: string, opportunityId: string, over: Record<string, unknown> = {}) {
  return { studentId, opportunityId, startDate: "2031-06-15", endDate: "2031-07-31", supervisor: { name: "Dr. Lena Ortiz", email: supervisorEmail() }, ...over };
}

export async function createPlacement(h: Harness, body: Record<string, unknown>, as = "coordinator@valley.example") {
  return h.app.inject({ method: "POST", url: "/api/placements", headers: await h.as(as), payload: body });
}

const SIGN = /http:\/\/bridgework\.test\/sign\/([A-Za-z0-9_-]{40,})/g;

/** Every sign-link token emailed to an address, oldest first (read from the emails table: rows exist once the request commits). */
export async function signTokens(h: Harness, to: string): Promise<string[]> {
  const rows = await h.db.db.select({ text: emails.text }).from(emails).where(eq(emails.to, to.toLowerCase())).orderBy(asc(emails.createdAt));
  return rows.flatMap((r) => [...r.text.matchAll(SIGN)].map((m) => m[1]!));
}

export const showLink = (h: Harness, token: string) => h.app.inject({ method: "GET", url: `/api/sign/${token}` });
/** Posts a signature for a document; without `documentId`, for the document the link shows now (as the sign page does). */
export async function signLink(h: Harness, token: string, typedName = "Rosa Quintero", headers: Record<string, string> = {}, documentId?: string) {
  const shown = documentId ?? (await showLink(h, token)).json<{ documentId?: string }>().documentId;
  return postSignature(h, token, { typedName, agree: true, documentId: shown }, headers);
}

export const postSignature = (h: Harness, token: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.app.inject({ method: "POST", url: `/api/sign/${token}`, payload, headers: { "user-agent": "FixtureBrowser/1.0", ...headers }, remoteAddress: "203.0.113.7" });

/** Signs every still-unsigned document of a placement through the links its signers were emailed (a packet link, one document at a time). */
export async function signEverything(h: Harness, placement: { documents: Array<{ signer: { email: string } }> }) {
  const recipients = [...new Set(placement.documents.map((d) => d.signer.email))];
  for (const to of recipients) {
    for (const token of await signTokens(h, to)) {
      while ((await showLink(h, token)).statusCode === 200) {
        const res = await signLink(h, token);
        if (res.statusCode !== 200) throw new Error(`signing failed: ${res.statusCode} ${res.body}`);
      }
    }
  }
}

export async function recordInsurance(h: Harness, employer: string, expiresOn: string) {
  return h.app.inject({
    method: "POST",
    url: `/api/organizations/${await h.orgId(employer)}/insurance`,
    headers: await h.as("intermediary@valley.example"),
    payload: { carrier: "Golden State Mutual", policyNumber: `GL-${unique()}`, coverageAmount: 2_000_000, expiresOn },
  });
}
