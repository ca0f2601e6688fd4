import { emails, organizations, users } from "@bridgework/db";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insuranceReminders } from "../../worker/src/sweeps/reminder-insurance.ts";
import { createHarness, type Harness, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";

const clock = manualClock(new Date("2031-05-01T15:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const sweep = (now: Date) => insuranceReminders({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });

async function record(employer: string, expiresOn: string, as = "intermediary@valley.example") {
  const res = await h.app.inject({
    method: "POST",
    url: `/api/organizations/${await h.orgId(employer)}/insurance`,
    headers: await h.as(as),
    payload: { carrier: "Golden State Mutual", policyNumber: `GL-${expiresOn}`, coverageAmount: 2_000_000, expiresOn },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const remindersOf = (certificateId: string) =>
  h.db.db
    .select()
    .from(emails)
    .where(like(emails.dedupeKey, `insurance:${certificateId}:expiring:%`))
    .orderBy(asc(emails.to));

async function valleyIntermediaries() {
  const [region] = await h.db.db
    .select({ id: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.name, "Valley Medical Center"));
  return (
    await h.db.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.regionId, region!.id), eq(users.role, "intermediary")))
  ).map((u) => u.email);
}

describe("insurance expiring within 30 days", () => {
  it("tells the employer's contacts and the region's intermediaries once per certificate, however often it runs", async () => {
    const certificate = await record("Valley Medical Center", "2031-06-10");
    await sweep(new Date("2031-05-10T15:00:00Z")); // 31 days ahead
    expect(await remindersOf(certificate)).toEqual([]);

    await sweep(new Date("2031-05-11T15:00:00Z"));
    await sweep(new Date("2031-05-11T15:00:00Z"));
    await sweep(new Date("2031-06-09T15:00:00Z"));
    const sent = await remindersOf(certificate);
    expect(sent.map((e) => e.to).sort()).toEqual(["employer@valley.example", ...(await valleyIntermediaries())].sort());
    expect(sent.find((e) => e.to === "employer@valley.example")!.subject).toBe(
      "Your certificate of insurance expires on June 10, 2031",
    );
    expect(sent.find((e) => e.to === "intermediary@valley.example")!.subject).toBe(
      "Valley Medical Center's certificate of insurance expires on June 10, 2031",
    );
    // Both are sent to the insurance page: the employer files the renewal there, the intermediaries may record it for the employer.
    expect(sent.find((e) => e.to === "intermediary@valley.example")!.text).toContain(`${PUBLIC_URL}/insurance`);
    expect(sent.find((e) => e.to === "employer@valley.example")!.text).toContain(
      `File it on your insurance page: ${PUBLIC_URL}/insurance`,
    );
  });

  it("reminds once more of a renewal that expires soon too, and not at all of one replaced by a later certificate", async () => {
    const soon = await record("Valley Medical Center", "2031-06-20");
    await sweep(new Date("2031-06-01T15:00:00Z"));
    expect((await remindersOf(soon)).map((e) => e.to)).toContain("employer@valley.example");

    const replaced = await record("Pixel Orchard Software", "2031-06-05");
    const renewed = await record("Pixel Orchard Software", "2032-06-05");
    await sweep(new Date("2031-06-01T15:00:00Z"));
    expect(await remindersOf(replaced)).toEqual([]);
    expect(await remindersOf(renewed)).toEqual([]);
  });

  it("says nothing of a certificate that has already expired, or to another region", async () => {
    const expired = await record("Harbor Marine Lab", "2031-05-30", "intermediary@coast.example");
    await sweep(new Date("2031-06-01T15:00:00Z"));
    expect(await remindersOf(expired)).toEqual([]);
    const harbor = await record("Harbor Marine Lab", "2031-06-30", "intermediary@coast.example");
    await sweep(new Date("2031-06-01T15:00:00Z"));
    expect((await remindersOf(harbor)).map((e) => e.to).sort()).toEqual([
      "employer@coast.example",
      "intermediary@coast.example",
    ]);
  });

  it("tells each person once when two sweeps race", async () => {
    const certificate = await record("Sierra Builders", "2031-06-01");
    await Promise.all([sweep(new Date("2031-05-15T15:00:00Z")), sweep(new Date("2031-05-15T15:00:00Z"))]);
    expect((await remindersOf(certificate)).map((e) => e.to).sort()).toEqual(
      ["builder@valley.example", ...(await valleyIntermediaries())].sort(),
    );
  });
});
