import { users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

let n = 0;
async function inviteAs(actor: string, role: string, organization: string) {
  const email = `invitee${++n}@valley.example`;
  const res = await h.app.inject({
    method: "POST",
    url: "/api/users",
    headers: await h.as(actor),
    payload: { email, name: "Invitee", role, organizationId: await h.orgId(organization) },
  });
  const [row] = await h.db.db.select().from(users).where(eq(users.email, email));
  return { res, created: row ?? null };
}

describe("who may invite whom", () => {
  it.each([
    ["an intermediary", "intermediary@valley.example", "coordinator", "Riverbend Unified"],
    ["an intermediary", "intermediary@valley.example", "employer", "Sierra Builders"],
    ["a coordinator", "coordinator@valley.example", "teacher", "Valley High"],
    ["a coordinator", "coordinator@valley.example", "teacher", "Eastside High"],
    ["an employer", "employer@valley.example", "employer", "Valley Medical Center"],
  ])("lets %s (%s) invite a %s at %s", async (_who, actor, role, org) => {
    const { res, created } = await inviteAs(actor, role, org);
    expect(res.statusCode).toBe(201);
    expect(created).toMatchObject({ role, status: "invited", organizationId: await h.orgId(org) });
  });

  it.each([
    ["a coordinator", "coordinator@valley.example", "teacher", "Riverbend High", "a school of another district"],
    ["a coordinator", "coordinator@valley.example", "coordinator", "Valley Unified", "another coordinator"],
    ["a coordinator", "coordinator@valley.example", "employer", "Valley Medical Center", "an employer"],
    ["an employer", "employer@valley.example", "employer", "Sierra Builders", "someone at another employer"],
    ["an employer", "employer@valley.example", "teacher", "Valley High", "a teacher"],
    ["a teacher", "teacher@valley.example", "teacher", "Valley High", "a colleague"],
  ])("refuses %s (%s) inviting a %s at %s (%s) with 403 and creates nobody", async (_who, actor, role, org) => {
    const { res, created } = await inviteAs(actor, role, org);
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe("https://bridgework.dev/problems/forbidden");
    expect(created).toBeNull();
  });

  it("refuses a role that does not fit the organization's type with a validation error on role", async () => {
    const { res, created } = await inviteAs("intermediary@valley.example", "teacher", "Valley Medical Center");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "role" })]);
    expect(created).toBeNull();
  });
});

describe("the invitee's language", () => {
  it("stores the language chosen at invitation and answers it in the user and the list", async () => {
    const email = "hablante@valley.example";
    const headers = await h.as("intermediary@valley.example");
    const res = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers,
      payload: {
        email,
        name: "Hablante",
        role: "employer",
        organizationId: await h.orgId("Sierra Builders"),
        language: "es",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().language).toBe("es");
    const [row] = await h.db.db.select().from(users).where(eq(users.email, email));
    expect(row!.language).toBe("es");
    const list = await h.app.inject({
      method: "GET",
      url: `/api/users?organizationId=${await h.orgId("Sierra Builders")}&pageSize=100`,
      headers,
    });
    expect(list.json().items.find((u: { email: string }) => u.email === email).language).toBe("es");
  });

  it("defaults to English when no language is given, and refuses one Bridgework does not speak", async () => {
    const { res, created } = await inviteAs("intermediary@valley.example", "employer", "Sierra Builders");
    expect(created!.language).toBe("en");
    expect(res.json().language).toBe("en");
    const bad = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: await h.as("intermediary@valley.example"),
      payload: {
        email: "fr@valley.example",
        name: "Fr",
        role: "employer",
        organizationId: await h.orgId("Sierra Builders"),
        language: "fr",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: "language" })]);
  });
});

describe("who sees which users", () => {
  const emailsSeenBy = async (actor: string) => {
    const res = await h.app.inject({ method: "GET", url: "/api/users?pageSize=100", headers: await h.as(actor) });
    expect(res.statusCode).toBe(200);
    return (res.json().items as Array<{ email: string }>).map((u) => u.email);
  };

  it("shows a coordinator the staff of their district only", async () => {
    const seen = await emailsSeenBy("coordinator@valley.example");
    expect(seen).toEqual(
      expect.arrayContaining(["coordinator@valley.example", "teacher@valley.example", "teacher2@valley.example"]),
    );
    expect(seen).not.toContain("coordinator@riverbend.example");
    expect(seen).not.toContain("employer@valley.example");
  });

  it("shows an employer their own organization only", async () => {
    const seen = await emailsSeenBy("employer@valley.example");
    expect(seen).toContain("employer@valley.example");
    expect(seen).not.toContain("builder@valley.example");
    expect(seen).not.toContain("teacher@valley.example");
  });

  it("never shows password hashes or tokens", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/users",
      headers: await h.as("intermediary@valley.example"),
    });
    expect(res.body).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });
});
