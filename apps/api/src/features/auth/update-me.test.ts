import { auditLog, users } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, DEMO_PASSWORD, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const patchMe = async (email: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: "PATCH", url: "/api/me", headers: await h.as(email), payload });

describe("GET /api/me", () => {
  it("answers the person's language and their region with its time zone", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/me",
      headers: await h.as("coordinator@valley.example"),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: "en", region: { name: "Valley", timeZone: "America/Los_Angeles" } });
  });
});

describe("PATCH /api/me", () => {
  it("saves the person's language: the next login answers it, and the change is audited", async () => {
    const res = await patchMe("teacher@valley.example", { language: "es" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: "teacher@valley.example", language: "es" });
    const [row] = await h.db.db.select().from(users).where(eq(users.email, "teacher@valley.example"));
    expect(row!.language).toBe("es");
    const login = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "teacher@valley.example", password: DEMO_PASSWORD },
    });
    expect(login.json().user.language).toBe("es");
    const [entry] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, row!.id), eq(auditLog.action, "update")));
    expect(entry!.details).toEqual({ language: { from: "en", to: "es" } });
  });

  it("renames the person without touching anyone else", async () => {
    const res = await patchMe("employer@valley.example", { name: "  Elena Ruiz  " });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "Elena Ruiz", language: "en" });
    const others = await h.db.db.select({ name: users.name }).from(users).where(eq(users.name, "Elena Ruiz"));
    expect(others).toHaveLength(1);
  });

  it.each([
    ["an unknown language", { language: "fr" }, "language"],
    ["an empty name", { name: " " }, "name"],
  ])("refuses %s with 400 on that field", async (_what, payload, path) => {
    const res = await patchMe("coordinator@valley.example", payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path })]);
  });

  it("refuses an empty change with 400", async () => {
    expect((await patchMe("coordinator@valley.example", {})).statusCode).toBe(400);
  });

  it("refuses a request without a session (401)", async () => {
    expect((await h.app.inject({ method: "PATCH", url: "/api/me", payload: { language: "es" } })).statusCode).toBe(401);
  });

  it("ignores fields people may not change about themselves (role, email)", async () => {
    const res = await patchMe("teacher@valley.example", {
      language: "en",
      role: "intermediary",
      email: "boss@valley.example",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: "teacher", email: "teacher@valley.example" });
  });
});
