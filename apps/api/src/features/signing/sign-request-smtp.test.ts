import { emails } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  showLink,
  signLink,
} from "../../../test/fixtures/placement.fixtures.ts";

// A real SMTP server on loopback: the emails go through nodemailer and the wire as in production.
const received: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});

let h: Harness;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const { port } = smtp.server.address() as { port: number };
  h = await createHarness({ smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const SIGN = /http:\/\/bridgework\.test\/sign\/([A-Za-z0-9_-]{40,})/g;
const to = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []);

describe("sign requests over SMTP", () => {
  it("delivers each signer one email with their working packet link; a Spanish-speaking guardian's is in Spanish", async () => {
    const student = await insertStudent(h, { guardianLanguage: "es", firstName: "Lucía" });
    const body = placementBody(student.id, await insertOpportunity(h));
    const res = await createPlacement(h, body);
    expect(res.statusCode).toBe(201);
    await h.jobs.drain();

    const guardianMail = received.find((m) => to(m).includes(student.guardianEmail));
    expect(guardianMail?.subject).toBe("Documentos para firmar: práctica de Lucía con Valley Medical Center");
    expect(guardianMail!.text).toContain("Por favor lea y firme estos 3 documentos");
    const guardianTokens = [...guardianMail!.text!.matchAll(SIGN)].map((m) => m[1]!);
    // One packet link opens all three.
    expect(guardianTokens).toHaveLength(1);
    expect(guardianMail!.html).toContain(`/sign/${guardianTokens[0]}`);
    const shown = await showLink(h, guardianTokens[0]!);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().language).toBe("es");

    const supervisorMail = received.find((m) => to(m).includes(body.supervisor.email));
    expect(supervisorMail?.subject).toMatch(/^Worksite agreement to sign: Lucía Q\. at Valley Medical Center$/);
    const [supervisorToken] = [...supervisorMail!.text!.matchAll(SIGN)].map((m) => m[1]!);
    const agreement = await showLink(h, supervisorToken!);
    expect(agreement.json()).toMatchObject({
      kind: "worksite_agreement",
      language: "en",
      signer: { role: "supervisor", name: "Dr. Lena Ortiz" },
    });
    expect(agreement.json().text).not.toContain(student.lastName);
    expect((await signLink(h, supervisorToken!, "Lena Ortiz")).statusCode).toBe(200);

    // Delivered: the stored copy no longer holds the tokens (only their hashes remain anywhere).
    const stored = await h.db.db
      .select({ text: emails.text, html: emails.html })
      .from(emails)
      .where(eq(emails.to, student.guardianEmail));
    expect(stored).toHaveLength(1);
    for (const token of guardianTokens) {
      expect(stored[0]!.text).not.toContain(token);
      expect(stored[0]!.html ?? "").not.toContain(token);
    }
    expect(stored[0]!.text).toContain("http://bridgework.test/sign/[link sent by email]");
  });

  it("sends the new link of a resent document over SMTP, and the old one stops working", async () => {
    const student = await insertStudent(h);
    const res = await createPlacement(h, placementBody(student.id, await insertOpportunity(h)));
    await h.jobs.drain();
    const first = received.filter((m) => to(m).includes(student.guardianEmail));
    expect(first).toHaveLength(1);
    const [oldToken] = [...first[0]!.text!.matchAll(SIGN)].map((m) => m[1]!);
    const docId = (await showLink(h, oldToken!)).json().documentId;
    const resend = await h.app.inject({
      method: "POST",
      url: `/api/placements/${res.json().id}/documents/${docId}/resend`,
      headers: await h.as("coordinator@valley.example"),
    });
    expect(resend.statusCode).toBe(200);
    await h.jobs.drain();
    const all = received.filter((m) => to(m).includes(student.guardianEmail));
    expect(all).toHaveLength(2);
    const [newToken] = [...all[1]!.text!.matchAll(SIGN)].map((m) => m[1]!);
    expect(newToken).not.toBe(oldToken);
    expect((await showLink(h, oldToken!)).statusCode).toBe(410);
    expect((await showLink(h, newToken!)).json().documentId).toBe(docId);
  });
});
