import { documents, issueLink, oneTimeLinks } from "@bridgework/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { hashToken } from "../../lib/tokens.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
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

/**
 * A fresh placement for a minor, with the guardian's emailed packet token (consent, waiver,
 * emergency contact) as `tokens[0]`; `singleLink` issues a single-document link the way
 * placements created before packets had them.
 */
async function placed(over: Parameters<typeof insertStudent>[1] = {}) {
  const student = await insertStudent(h, over);
  const body = placementBody(student.id, await insertOpportunity(h));
  const res = await createPlacement(h, body);
  expect(res.statusCode).toBe(201);
  const tokens = await signTokens(h, student.guardianEmail);
  expect(tokens).toHaveLength(1);
  return { student, placement: res.json(), tokens, supervisorEmail: body.supervisor.email };
}

async function singleLink(placementId: string): Promise<string> {
  const [doc] = await h.db.db
    .select()
    .from(documents)
    .where(and(eq(documents.placementId, placementId), eq(documents.kind, "liability_waiver")))
    .orderBy(asc(documents.id));
  return (await issueLink(h.db.db, { purpose: "sign", placementId, documentId: doc!.id, now: clock.now() })).token;
}

describe("sign links", () => {
  it("stores only the SHA-256 of a link token: no table but the outgoing email holds the raw token", async () => {
    const { tokens } = await placed();
    const token = tokens[0]!;
    const [link] = await h.db.db
      .select()
      .from(oneTimeLinks)
      .where(eq(oneTimeLinks.tokenHash, hashToken(token)));
    expect(link).toMatchObject({ purpose: "sign", usedAt: null });
    const inLinks = await h.db.db.execute(sql`select 1 from one_time_links t where t::text like ${`%${token}%`}`);
    expect(inLinks.rows).toHaveLength(0);
    const tables = (
      await h.db.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    ).rows as Array<{ table_name: string }>;
    const holding: string[] = [];
    for (const { table_name } of tables) {
      const found = await h.db.db.execute(
        sql`select 1 from ${sql.identifier(table_name)} t where t::text like ${`%${token}%`} limit 1`,
      );
      if (found.rows.length > 0) holding.push(table_name);
    }
    expect(holding).toEqual(["emails"]);
  });

  it("shows the document on GET as often as asked without using the link", async () => {
    const { tokens, student } = await placed();
    for (let i = 0; i < 3; i++) {
      const res = await showLink(h, tokens[0]!);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: "pending",
        language: "en",
        templateVersion: 1,
        signer: { role: "guardian", name: "Rosa Quintero" },
      });
      expect(res.json().text).toContain(`Maya ${student.lastName}`);
    }
    const [link] = await h.db.db
      .select()
      .from(oneTimeLinks)
      .where(eq(oneTimeLinks.tokenHash, hashToken(tokens[0]!)));
    expect(link!.usedAt).toBeNull();
    expect((await signLink(h, tokens[0]!)).statusCode).toBe(200);
  });

  it("lets exactly one of 20 concurrent signatures on a single-document link through; the other 19 get 410 link-expired", async () => {
    const { placement } = await placed();
    const token = await singleLink(placement.id);
    const documentId = (await showLink(h, token)).json().documentId;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signLink(h, token, `Signer ${i}`, {}, documentId)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 410)).toHaveLength(19);
    expect(results.find((r) => r.statusCode === 410)!.json().type).toBe("https://bridgework.dev/problems/link-expired");
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const [doc] = await h.db.db.select().from(documents).where(eq(documents.id, winner.documentId));
    expect(doc!.typedName).toBe(`Signer ${codes.indexOf(200)}`);
  });

  it("answers 410 to GET and POST once a single-document link was used", async () => {
    const { placement } = await placed();
    const token = await singleLink(placement.id);
    const documentId = (await showLink(h, token)).json().documentId;
    expect((await signLink(h, token)).statusCode).toBe(200);
    expect((await showLink(h, token)).statusCode).toBe(410);
    expect((await signLink(h, token, "Rosa Quintero", {}, documentId)).statusCode).toBe(410);
  });

  it("answers 410 after the 14 days a link lives (clock + 15 days)", async () => {
    const { tokens } = await placed();
    clock.advance(15 * 86_400_000);
    try {
      expect((await showLink(h, tokens[0]!)).statusCode).toBe(410);
      const res = await signLink(h, tokens[0]!);
      expect(res.statusCode).toBe(410);
      expect(res.json().type).toBe("https://bridgework.dev/problems/link-expired");
    } finally {
      clock.advance(-15 * 86_400_000);
    }
    expect((await showLink(h, tokens[0]!)).statusCode).toBe(200);
  });

  it("answers 410 for a token that was never issued and 400 for one too short to be a token", async () => {
    expect((await showLink(h, "x".repeat(43))).statusCode).toBe(410);
    expect((await signLink(h, "x".repeat(43))).statusCode).toBe(410);
    expect((await showLink(h, "short")).statusCode).toBe(400);
  });

  it("refuses a signature without a typed name or without agreeing (400), leaving the link usable", async () => {
    const { tokens } = await placed();
    const documentId = (await showLink(h, tokens[0]!)).json().documentId;
    const blank = await h.app.inject({
      method: "POST",
      url: `/api/sign/${tokens[0]}`,
      payload: { typedName: "  ", agree: true, documentId },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: "typedName" })]);
    const disagree = await h.app.inject({
      method: "POST",
      url: `/api/sign/${tokens[0]}`,
      payload: { typedName: "Rosa Quintero", agree: false, documentId },
    });
    expect(disagree.statusCode).toBe(400);
    expect((await signLink(h, tokens[0]!)).statusCode).toBe(200);
  });
});

describe("a signature", () => {
  it("records the template version, language, typed name, time, IP, user agent and the SHA-256 of the exact text shown", async () => {
    const { tokens } = await placed();
    const shown = (await showLink(h, tokens[0]!)).json();
    const res = await signLink(h, tokens[0]!, "Rosa M. Quintero", { "user-agent": "Mozilla/5.0 (Signer test)" });
    expect(res.statusCode).toBe(200);
    const expectedHash = createHash("sha256").update(shown.text, "utf8").digest("hex");
    expect(res.json()).toMatchObject({
      status: "signed",
      textSha256: expectedHash,
      signedAt: clock.now().toISOString(),
    });
    const [doc] = await h.db.db.select().from(documents).where(eq(documents.id, shown.documentId));
    expect(doc).toMatchObject({
      status: "signed",
      typedName: "Rosa M. Quintero",
      signedIp: "203.0.113.7",
      signedUserAgent: "Mozilla/5.0 (Signer test)",
      textSha256: expectedHash,
      renderedText: shown.text,
      language: "en",
    });
    expect(doc!.signedAt!.toISOString()).toBe(clock.now().toISOString());
  });

  it("produces a PDF whose text holds the document, the typed name, the IP and the hash", async () => {
    const { tokens, placement } = await placed();
    const shown = (await showLink(h, tokens[0]!)).json();
    const signed = (await signLink(h, tokens[0]!, "Rosa Quintero-Vega")).json();
    const pdf = await h.app.inject({
      method: "GET",
      url: `/api/documents/${signed.documentId}/pdf`,
      headers: await h.as("coordinator@valley.example"),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain("Rosa Quintero-Vega");
    expect(text).toContain(signed.textSha256);
    expect(text).toContain("203.0.113.7");
    expect(text).toContain(shown.title);
    expect(placement.documents.some((d: { id: string }) => d.id === signed.documentId)).toBe(true);
  });

  it("gives a Spanish-speaking guardian the Spanish document, and a PDF with its accents intact", async () => {
    const { tokens } = await placed({ guardianLanguage: "es", firstName: "Iñaki" });
    const shown = (await showLink(h, tokens[0]!)).json();
    expect(shown.language).toBe("es");
    expect(shown.title).toMatch(/^Consentimiento del padre, madre o tutor/);
    expect(shown.text).toContain("Doy permiso para que Iñaki");
    expect(shown.signer.roleLabel).toBe("Padre, madre o tutor");
    const signed = (await signLink(h, tokens[0]!, "Rosa Quintero Núñez")).json();
    const pdf = await h.app.inject({
      method: "GET",
      url: `/api/documents/${signed.documentId}/pdf`,
      headers: await h.as("intermediary@valley.example"),
    });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain("Rosa Quintero Núñez");
    expect(text).toContain("Firma electrónica");
    expect(text).toContain("Doy permiso para que Iñaki");
  });

  it("signs text the PDF fonts cannot draw (emoji, curly quotes): the stored text keeps them, the PDF substitutes", async () => {
    const { tokens } = await placed({ firstName: "Zoë 🌟" });
    const signed = await signLink(h, tokens[0]!, "Rosa “Rosie” Quintero");
    expect(signed.statusCode).toBe(200);
    const [doc] = await h.db.db.select().from(documents).where(eq(documents.id, signed.json().documentId));
    expect(doc!.renderedText).toContain("Zoë 🌟");
    const text = await pdfText(doc!.pdf!);
    expect(text).toContain("Zoë ?");
  });
});

describe("the signed PDF endpoint", () => {
  it("refuses employers and teachers (403), and answers 404 to another district, to Coast, and for an unsigned document", async () => {
    const { tokens, placement } = await placed();
    const signed = (await signLink(h, tokens[0]!)).json();
    const get = async (email: string, id = signed.documentId) =>
      (await h.app.inject({ method: "GET", url: `/api/documents/${id}/pdf`, headers: await h.as(email) })).statusCode;
    expect(await get("employer@valley.example")).toBe(403);
    expect(await get("teacher@valley.example")).toBe(403);
    expect(await get("coordinator@riverbend.example")).toBe(404);
    expect(await get("coordinator@coast.example")).toBe(404);
    const unsigned = placement.documents.find((d: { id: string; status: string }) => d.id !== signed.documentId)!;
    expect(await get("coordinator@valley.example", unsigned.id)).toBe(404);
    expect((await h.app.inject({ method: "GET", url: `/api/documents/${signed.documentId}/pdf` })).statusCode).toBe(
      401,
    );
  });
});
