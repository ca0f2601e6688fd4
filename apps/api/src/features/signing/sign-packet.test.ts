import { documents, issueLink, oneTimeLinks } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { hashToken } from "../../lib/tokens.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  postSignature,
  showLink,
  signLink,
  signTokens,
} from "../../../test/fixtures/placement.fixtures.ts";
import { pdfText } from "./pdf-text.ts";

const clock = manualClock();
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

/** A minor's placement: the guardian signs three documents through one packet link. */
async function placed(over: Parameters<typeof insertStudent>[1] = {}) {
  const student = await insertStudent(h, over);
  const body = placementBody(student.id, await insertOpportunity(h));
  const res = await createPlacement(h, body);
  expect(res.statusCode).toBe(201);
  const [packet, ...more] = await signTokens(h, student.guardianEmail);
  expect(more).toEqual([]);
  return { placement: res.json(), packet: packet!, supervisorEmail: body.supervisor.email };
}

const linkRow = async (token: string) =>
  (
    await h.db.db
      .select()
      .from(oneTimeLinks)
      .where(eq(oneTimeLinks.tokenHash, hashToken(token)))
  )[0]!;

describe("a guardian's packet link", () => {
  it("opens the guardian's three documents in order, 1 of 3 to 3 of 3, each signed separately with its own PDF, and is used up by the last", async () => {
    const { placement, packet } = await placed();
    expect(await linkRow(packet)).toMatchObject({ signerRole: "guardian", documentId: null, usedAt: null });
    const seen: string[] = [];
    for (const [i, title] of [
      "Parent or guardian consent",
      "Acknowledgement of risk and release",
      "Emergency contact and medical authorization",
    ].entries()) {
      const shown = (await showLink(h, packet)).json();
      expect(shown.title).toMatch(new RegExp(`^${title}`));
      expect(shown.packet).toMatchObject({ position: i + 1, total: 3, signed: i });
      expect(shown.packet.documents.map((d: { status: string }) => d.status)).toEqual(
        ["signed", "signed", "pending"].map((s, j) => (j < i ? s : "pending")),
      );
      const res = await signLink(h, packet, `Rosa Quintero ${i}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ documentId: shown.documentId, remaining: 2 - i, placementReady: false });
      seen.push(shown.documentId);
      expect((await linkRow(packet)).usedAt === null).toBe(i < 2);
    }
    expect((await showLink(h, packet)).statusCode).toBe(410);
    expect((await postSignature(h, packet, { typedName: "Rosa", agree: true, documentId: seen[0] })).statusCode).toBe(
      410,
    );
    const signed = await h.db.db
      .select()
      .from(documents)
      .where(and(eq(documents.placementId, placement.id), eq(documents.signerRole, "guardian")));
    expect(new Set(signed.map((d) => d.id))).toEqual(new Set(seen));
    for (const [i, id] of seen.entries()) {
      const doc = signed.find((d) => d.id === id)!;
      expect(doc).toMatchObject({ status: "signed", typedName: `Rosa Quintero ${i}` });
      expect(await pdfText(doc.pdf!)).toContain(`Rosa Quintero ${i}`);
    }
  });

  it("shows a Spanish-speaking family's packet in Spanish", async () => {
    const { packet } = await placed({ guardianLanguage: "es" });
    const shown = (await showLink(h, packet)).json();
    expect(shown.language).toBe("es");
    expect(shown.packet.documents.map((d: { title: string }) => d.title)).toEqual([
      expect.stringMatching(/^Consentimiento del padre, madre o tutor/),
      expect.stringMatching(/^Reconocimiento de riesgos/),
      expect.stringMatching(/^Contacto de emergencia/),
    ]);
  });

  it("lets one of 10 tabs signing the same document through; the others get 409 and the packet moves on", async () => {
    const { packet } = await placed();
    const first = (await showLink(h, packet)).json().documentId;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signLink(h, packet, `Tab ${i}`, {}, first)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
    const [doc] = await h.db.db.select().from(documents).where(eq(documents.id, first));
    expect(doc!.typedName).toBe(`Tab ${results.findIndex((r) => r.statusCode === 200)}`);
    expect((await showLink(h, packet)).json().packet).toMatchObject({ position: 2, signed: 1 });
  });

  it("requires the document's id, and refuses a document outside the signer's packet (410)", async () => {
    const { placement, packet } = await placed();
    const missing = await postSignature(h, packet, { typedName: "Rosa", agree: true });
    expect(missing.statusCode).toBe(400);
    const supervisorDoc = placement.documents.find(
      (d: { signer: { role: string } }) => d.signer.role === "supervisor",
    ).id;
    expect((await signLink(h, packet, "Rosa", {}, supervisorDoc)).statusCode).toBe(410);
    const [doc] = await h.db.db.select().from(documents).where(eq(documents.id, supervisorDoc));
    expect(doc!.status).toBe("pending");
  });

  it("answers 410 once expired (clock + 15 days), and works again at the time it was issued", async () => {
    const { packet } = await placed();
    clock.advance(15 * 86_400_000);
    try {
      expect((await showLink(h, packet)).statusCode).toBe(410);
      const res = await signLink(h, packet);
      expect(res.statusCode).toBe(410);
      expect(res.json().type).toBe("https://bridgework.dev/problems/link-expired");
    } finally {
      clock.advance(-15 * 86_400_000);
    }
    expect((await showLink(h, packet)).statusCode).toBe(200);
  });

  it("keeps a single-document link issued before packets working until it is used", async () => {
    const { placement, packet } = await placed();
    const waiver = placement.documents.find((d: { kind: string }) => d.kind === "liability_waiver").id;
    const single = (
      await issueLink(h.db.db, { purpose: "sign", placementId: placement.id, documentId: waiver, now: clock.now() })
    ).token;
    const shown = (await showLink(h, single)).json();
    expect(shown).toMatchObject({ documentId: waiver, packet: { position: 1, total: 1 } });
    expect((await signLink(h, single)).statusCode).toBe(200);
    expect((await showLink(h, single)).statusCode).toBe(410);
    // The packet skips what the single link signed.
    expect((await showLink(h, packet)).json().packet).toMatchObject({ total: 3, signed: 1 });
  });

  it("is revoked by a resend, whose new packet lists only what is left to sign", async () => {
    const { placement, packet } = await placed();
    expect((await signLink(h, packet)).statusCode).toBe(200);
    const pending = placement.documents.find((d: { kind: string }) => d.kind === "emergency_contact").id;
    const res = await h.app.inject({
      method: "POST",
      url: `/api/placements/${placement.id}/documents/${pending}/resend`,
      headers: await h.as("coordinator@valley.example"),
    });
    expect(res.statusCode).toBe(200);
    expect((await showLink(h, packet)).statusCode).toBe(410);
    const tokens = await signTokens(h, placement.documents[0].signer.email);
    expect(tokens).toHaveLength(2);
    const fresh = (await showLink(h, tokens[1]!)).json();
    expect(fresh.packet).toMatchObject({ position: 2, total: 3, signed: 1 });
  });

  it("is revoked with every signer's links by resending the whole paperwork; each signer gets one fresh packet", async () => {
    const { placement, packet, supervisorEmail } = await placed();
    const [supervisorPacket] = await signTokens(h, supervisorEmail);
    const resend = async (as: string) =>
      h.app.inject({
        method: "POST",
        url: `/api/placements/${placement.id}/documents/resend`,
        headers: await h.as(as),
      });
    expect((await resend("teacher@valley.example")).statusCode).toBe(403);
    expect((await resend("coordinator@riverbend.example")).statusCode).toBe(404);
    expect((await resend("coordinator@valley.example")).statusCode).toBe(200);
    expect((await showLink(h, packet)).statusCode).toBe(410);
    expect((await showLink(h, supervisorPacket!)).statusCode).toBe(410);
    const guardianTokens = await signTokens(h, placement.documents[0].signer.email);
    const supervisorTokens = await signTokens(h, supervisorEmail);
    expect([guardianTokens.length, supervisorTokens.length]).toEqual([2, 2]);
    expect((await showLink(h, guardianTokens[1]!)).json().packet).toMatchObject({ position: 1, total: 3 });
    expect((await showLink(h, supervisorTokens[1]!)).json().kind).toBe("worksite_agreement");
  });

  it("answers 409 to resending paperwork that is all signed", async () => {
    const { placement, packet, supervisorEmail } = await placed();
    for (let i = 0; i < 3; i++) expect((await signLink(h, packet)).statusCode).toBe(200);
    const [supervisorPacket] = await signTokens(h, supervisorEmail);
    expect((await signLink(h, supervisorPacket!, "Lena Ortiz")).statusCode).toBe(200);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/placements/${placement.id}/documents/resend`,
      headers: await h.as("coordinator@valley.example"),
    });
    expect(res.statusCode).toBe(409);
  });
});
