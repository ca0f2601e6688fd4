import { documents, documentTemplates } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  showLink,
  signLink,
  signTokens,
} from "../../../test/fixtures/placement.fixtures.ts";
import { TEMPLATE_PLACEHOLDERS } from "../../lib/paperwork/render-template.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const list = async (as: string) => h.app.inject({ method: "GET", url: "/api/templates", headers: await h.as(as) });
const publish = async (kind: string, payload: Record<string, string>, as = "intermediary@valley.example") =>
  h.app.inject({ method: "POST", url: `/api/templates/${kind}`, headers: await h.as(as), payload });

const consentV2 = {
  titleEn: "Guardian consent (2031 edition)",
  titleEs: "Consentimiento del tutor (edición 2031)",
  bodyEn: "Version two. I allow {{studentName}} to join {{opportunityTitle}} at {{employerName}}.",
  bodyEs: "Versión dos. Permito que {{studentName}} participe en {{opportunityTitle}} con {{employerName}}.",
};

describe("paperwork templates", () => {
  it("gives a region version 1 of all four forms in English and Spanish, using only known placeholders", async () => {
    const res = await list("coordinator@valley.example");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      kind: string;
      version: number;
      titleEn: string;
      titleEs: string;
      bodyEn: string;
      bodyEs: string;
    }>;
    expect(items.map((t) => t.kind).sort()).toEqual([
      "emergency_contact",
      "guardian_consent",
      "liability_waiver",
      "worksite_agreement",
    ]);
    for (const t of items) {
      expect(t.version).toBe(1);
      expect(t.bodyEn).toContain("{{studentName}}");
      expect(t.bodyEs).toContain("{{studentName}}");
      for (const m of `${t.bodyEn}${t.bodyEs}`.matchAll(/\{\{(\w+)\}\}/g))
        expect(TEMPLATE_PLACEHOLDERS).toContain(m[1]);
    }
    // Asking again creates nothing new.
    await list("intermediary@valley.example");
    expect(await h.db.db.$count(documentTemplates)).toBe(4);
  });

  it("lets the intermediary publish version 2; new placements use it while a document signed on version 1 keeps its text", async () => {
    const before = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
    const student = before.json().documents.find((d: { signer: { role: string } }) => d.signer.role === "guardian")
      .signer.email as string;
    const [token] = await signTokens(h, student);
    const shown = (await showLink(h, token!)).json();
    expect(shown.kind).toBe("guardian_consent");
    const signed = (await signLink(h, token!)).json();

    const res = await publish("guardian_consent", consentV2);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: "guardian_consent", version: 2, titleEn: consentV2.titleEn });
    expect(
      (await list("intermediary@valley.example"))
        .json()
        .items.find((t: { kind: string }) => t.kind === "guardian_consent").version,
    ).toBe(2);

    const [old] = await h.db.db.select().from(documents).where(eq(documents.id, signed.documentId));
    expect(old!.renderedText).toBe(shown.text);
    expect(old!.renderedText).not.toContain("Version two");

    const after = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
    const consent = after.json().documents.find((d: { kind: string }) => d.kind === "guardian_consent");
    expect(consent.templateVersion).toBe(2);
    expect(after.json().documents.find((d: { kind: string }) => d.kind === "liability_waiver").templateVersion).toBe(1);
    const [fresh] = await h.db.db.select().from(documents).where(eq(documents.id, consent.id));
    expect(fresh!.renderedText).toMatch(
      /^Version two\. I allow Maya Quintero\w+ to join Summer clinical lab internship at Valley Medical Center\.$/,
    );
  });

  it("refuses an unknown placeholder with 400 naming the field", async () => {
    const res = await publish("liability_waiver", {
      ...consentV2,
      bodyEs: "Hola {{nombreDelEstudiante}}, esto es una prueba.",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "bodyEs", message: "Unknown placeholder {{nombreDelEstudiante}}" }]);
  });

  it("refuses coordinators publishing (403) and teachers and employers reading (403)", async () => {
    expect((await publish("guardian_consent", consentV2, "coordinator@valley.example")).statusCode).toBe(403);
    expect((await list("teacher@valley.example")).statusCode).toBe(403);
    expect((await list("employer@valley.example")).statusCode).toBe(403);
  });

  it("keeps regions apart: Valley's version 2 is not Coast's", async () => {
    const coast = await list("intermediary@coast.example");
    expect(coast.json().items.find((t: { kind: string }) => t.kind === "guardian_consent").version).toBe(1);
  });

  it("answers 400 for a kind that does not exist", async () => {
    expect((await publish("permission_slip", consentV2)).statusCode).toBe(400);
  });
});
