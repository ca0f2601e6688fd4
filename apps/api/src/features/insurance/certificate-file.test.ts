import { auditLog, emails, insuranceCertificateFiles } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
} from "../../../test/fixtures/placement.fixtures.ts";

const clock = manualClock(new Date("2030-03-01T18:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const b64 = (b: Buffer) => b.toString("base64");
const cert = (over: Record<string, unknown> = {}) => ({
  carrier: "Golden State Mutual",
  policyNumber: "GL-1",
  coverageAmount: 1_000_000,
  expiresOn: "2031-01-31",
  ...over,
});

async function file(employer: string, as: string, payload: Record<string, unknown>) {
  return h.app.inject({
    method: "POST",
    url: `/api/organizations/${await h.orgId(employer)}/insurance`,
    headers: await h.as(as),
    payload,
  });
}
const get = async (url: string, as: string) => h.app.inject({ method: "GET", url, headers: await h.as(as) });

describe("filing a certificate with its file", () => {
  it("stores a PDF the employer files, shows it in the history and lets the right people download it (audited)", async () => {
    const res = await file(
      "Valley Medical Center",
      "employer@valley.example",
      cert({ file: { name: "../../COI 2031.PDF", contentBase64: b64(PDF) } }),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.file).toEqual({ name: "COI 2031.pdf", contentType: "application/pdf", size: PDF.length });

    const history = await get(
      `/api/organizations/${await h.orgId("Valley Medical Center")}/insurance`,
      "employer@valley.example",
    );
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({
      employerName: "Valley Medical Center",
      status: "valid",
      history: [{ id: created.id, file: { name: "COI 2031.pdf" } }],
    });

    for (const who of ["employer@valley.example", "coordinator@valley.example", "intermediary@valley.example"]) {
      const dl = await get(`/api/insurance/certificates/${created.id}/file`, who);
      expect(dl.statusCode, who).toBe(200);
      expect(dl.headers["content-type"]).toBe("application/pdf");
      expect(dl.headers["content-disposition"]).toContain('filename="COI 2031.pdf"');
      expect(dl.rawPayload.equals(PDF)).toBe(true);
    }
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "insurance_certificate"),
          eq(auditLog.entityId, created.id),
          eq(auditLog.action, "download"),
        ),
      );
    expect(audits).toHaveLength(3);
  });

  it("keeps every certificate in the history, newest first, and reads an image's type from its bytes", async () => {
    const res = await file(
      "Valley Medical Center",
      "intermediary@valley.example",
      cert({ policyNumber: "GL-2", expiresOn: "2030-03-15", file: { name: "scan.pdf", contentBase64: b64(PNG) } }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().file).toMatchObject({ name: "scan.png", contentType: "image/png" });
    const history = (
      await get(`/api/organizations/${await h.orgId("Valley Medical Center")}/insurance`, "coordinator@valley.example")
    ).json();
    expect(history.status).toBe("expiring");
    expect(history.history.map((c: { policyNumber: string }) => c.policyNumber)).toEqual(["GL-2", "GL-1"]);
  });

  it("refuses a file that is not a PDF, PNG or JPEG whatever its name, an empty one and one over 5 MB, naming the field", async () => {
    const before = await h.db.db.$count(insuranceCertificateFiles);
    const html = await file(
      "Valley Medical Center",
      "employer@valley.example",
      cert({ file: { name: "coi.pdf", contentBase64: b64(Buffer.from("<html>not a pdf</html>")) } }),
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().errors).toEqual([{ path: "file", message: "The certificate file must be a PDF, PNG or JPEG." }]);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const large = await h.app.inject({
      method: "POST",
      url: `/api/organizations/${await h.orgId("Valley Medical Center")}/insurance`,
      headers: { ...(await h.as("employer@valley.example")), "accept-language": "es" },
      payload: cert({ file: { name: "coi.pdf", contentBase64: b64(big) } }),
    });
    expect(large.statusCode).toBe(400);
    expect(large.json().errors[0]).toMatchObject({ path: "file", message: expect.stringContaining("5 MB") });
    const notBase64 = await file(
      "Valley Medical Center",
      "employer@valley.example",
      cert({ file: { name: "coi.pdf", contentBase64: "%%%not base64" } }),
    );
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().errors[0].path).toBe("file.contentBase64");
    expect(await h.db.db.$count(insuranceCertificateFiles)).toBe(before);
  });

  it("answers 404 for the file to another employer, another region and a teacher gets 403", async () => {
    const [row] = await h.db.db.select().from(insuranceCertificateFiles).limit(1);
    expect(
      (await get(`/api/insurance/certificates/${row!.certificateId}/file`, "builder@valley.example")).statusCode,
    ).toBe(404);
    expect(
      (await get(`/api/insurance/certificates/${row!.certificateId}/file`, "intermediary@coast.example")).statusCode,
    ).toBe(404);
    expect(
      (await get(`/api/insurance/certificates/${row!.certificateId}/file`, "teacher@valley.example")).statusCode,
    ).toBe(403);
    expect(
      (await get(`/api/organizations/${await h.orgId("Valley Medical Center")}/insurance`, "builder@valley.example"))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await get(
          `/api/organizations/${await h.orgId("Valley Medical Center")}/insurance`,
          "intermediary@coast.example",
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe("placements waiting on insurance", () => {
  it("lists the employers that block open placements with the students, and emails the employer's people an ask once a day", async () => {
    const student = await insertStudent(h, { firstName: "Maya", lastName: "Quintero" });
    const opportunity = await insertOpportunity(h, { employer: "Sierra Builders", title: "Framing crew intern" });
    const created = await createPlacement(h, placementBody(student.id, opportunity));
    expect(created.statusCode).toBe(201);

    const res = await get("/api/insurance/blocked", "coordinator@valley.example");
    expect(res.statusCode).toBe(200);
    const sierra = res.json().items.find((i: { employerName: string }) => i.employerName === "Sierra Builders");
    expect(sierra).toMatchObject({
      status: "missing",
      placements: [
        {
          id: created.json().id,
          reason: "missing",
          opportunityTitle: "Framing crew intern",
          student: { firstName: "Maya", lastName: student.lastName },
        },
      ],
    });
    // Valley Medical Center's certificate is current: it blocks nothing.
    expect(res.json().items.map((i: { employerName: string }) => i.employerName)).not.toContain(
      "Valley Medical Center",
    );
    expect((await get("/api/insurance/blocked", "employer@valley.example")).statusCode).toBe(403);
    expect((await get("/api/insurance/blocked", "intermediary@coast.example")).json().items).toEqual([]);

    const ask = async () =>
      h.app.inject({
        method: "POST",
        url: `/api/organizations/${await h.orgId("Sierra Builders")}/insurance/request`,
        headers: await h.as("coordinator@valley.example"),
      });
    const first = await ask();
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ recipients: 1, sent: 1 });
    const email = await h.lastEmailTo("builder@valley.example");
    expect(email?.subject).toBe("Please file your certificate of insurance");
    expect(email?.text).toContain("Maya Q.");
    expect(email?.text).toContain("Framing crew intern");
    expect(email?.text).toContain("http://bridgework.test/insurance");
    expect((await ask()).json()).toEqual({ recipients: 1, sent: 0 });
    expect(await h.db.db.$count(emails, eq(emails.to, "builder@valley.example"))).toBe(1);

    // A certificate that lapses before the placement starts (June 2031) still holds it up…
    await file("Sierra Builders", "builder@valley.example", cert({ expiresOn: "2031-01-31" }));
    const lapsing = (await get("/api/insurance/blocked", "coordinator@valley.example")).json();
    expect(lapsing.items.find((i: { employerName: string }) => i.employerName === "Sierra Builders")).toMatchObject({
      status: "valid",
      expiresOn: "2031-01-31",
      placements: [{ reason: "expires_before_start" }],
    });
    // …one that covers it blocks nothing.
    await file(
      "Sierra Builders",
      "builder@valley.example",
      cert({ expiresOn: "2032-01-31", file: { name: "sierra.png", contentBase64: b64(PNG) } }),
    );
    const after = (await get("/api/insurance/blocked", "coordinator@valley.example")).json();
    expect(after.items.map((i: { employerName: string }) => i.employerName)).not.toContain("Sierra Builders");
  });

  it("refuses to ask an employer with no active user (422), another region's employer (404) and an employer (403)", async () => {
    const ask = async (employer: string, as: string) =>
      h.app.inject({
        method: "POST",
        url: `/api/organizations/${await h.orgId(employer)}/insurance/request`,
        headers: await h.as(as),
      });
    expect((await ask("Pixel Orchard Software", "intermediary@valley.example")).statusCode).toBe(422);
    expect((await ask("Harbor Marine Lab", "coordinator@valley.example")).statusCode).toBe(404);
    expect((await ask("Sierra Builders", "employer@valley.example")).statusCode).toBe(403);
  });
});
