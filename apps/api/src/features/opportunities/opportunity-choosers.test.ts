import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { sampleStudent } from "../../../test/fixtures/student-test-data.ts";

/** The searches behind the web app's choosers: opportunities for a placement, schools and employers by name. */
let h: Harness;
const COORD = "coordinator@valley.example";
let adult: string;
let minor: string;
let riverbendStudent: string;

async function call(email: string, method: "GET" | "POST", url: string, payload?: Record<string, unknown>) {
  return h.app.inject({ method, url, headers: await h.as(email), ...(payload ? { payload } : {}) });
}

async function post(email: string, body: Record<string, unknown>, publish = true) {
  const res = await call(email, "POST", "/api/opportunities", {
    sector: "Health Science and Medical Technology",
    modality: "in_person",
    capacity: 2,
    description: "",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  if (publish) expect((await call(email, "POST", `/api/opportunities/${res.json().id}/publish`)).statusCode).toBe(200);
  return res.json().id as string;
}

async function student(email: string, school: string, overrides: Record<string, unknown>) {
  const res = await call(email, "POST", "/api/students", sampleStudent(await h.orgId(school), overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  h = await createHarness();
  await post("employer@valley.example", { kind: "internship", title: "Zz chooser pharmacy internship", minAge: 18 });
  await post("employer@valley.example", { kind: "job_shadow", title: "Zz chooser pharmacy shadow" });
  await post("employer@valley.example", { kind: "guest_speaker", title: "Zz chooser pharmacy talk" });
  await post("employer@valley.example", { kind: "job_shadow", title: "Zz chooser pharmacy draft" }, false);
  await post("builder@valley.example", {
    kind: "internship",
    sector: "Building and Construction Trades",
    title: "Zz chooser framing internship",
  });
  adult = await student(COORD, "Valley High", { localId: "CH-1", birthDate: "2000-01-01" });
  minor = await student(COORD, "Valley High", { localId: "CH-2", birthDate: "2012-01-01" });
  riverbendStudent = await student("coordinator@riverbend.example", "Riverbend High", { localId: "CH-3" });
});
afterAll(() => h.close());

type Page = {
  items: { title: string; employerName: string; kind: string; status: string; seatsLeft: number }[];
  total: number;
};
async function opportunities(query: string, email = COORD): Promise<Page> {
  const res = await call(email, "GET", `/api/opportunities?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const titles = (p: Page) => p.items.map((o) => o.title);

describe("opportunities for a placement", () => {
  it("offers only published placement kinds with seats left, sorted by employer then title, matching any part of the title as one types", async () => {
    const page = await opportunities("sort=employer&forPlacement=true&q=zz%20chooser&pageSize=100");
    expect(titles(page)).toEqual([
      "Zz chooser framing internship",
      "Zz chooser pharmacy internship",
      "Zz chooser pharmacy shadow",
    ]);
    expect(page.items.map((o) => o.employerName)).toEqual(
      [...page.items.map((o) => o.employerName)].sort((a, b) => a.localeCompare(b)),
    );
    expect(page.items.every((o) => o.status === "published" && o.seatsLeft > 0 && o.kind !== "guest_speaker")).toBe(
      true,
    );
    expect(titles(await opportunities("sort=employer&forPlacement=true&q=macy%20sha"))).toEqual([
      "Zz chooser pharmacy shadow",
    ]);
  });

  it("matches the employer's name too, and pages", async () => {
    const first = await opportunities("sort=employer&forPlacement=true&q=zz%20chooser&pageSize=2&page=1");
    const second = await opportunities("sort=employer&forPlacement=true&q=zz%20chooser&pageSize=2&page=2");
    expect(first.total).toBe(3);
    expect([...titles(first), ...titles(second)]).toEqual([
      "Zz chooser framing internship",
      "Zz chooser pharmacy internship",
      "Zz chooser pharmacy shadow",
    ]);
    const builder = (await opportunities("sort=employer&forPlacement=true&q=zz%20chooser")).items.find((o) =>
      o.title.includes("framing"),
    )!.employerName;
    expect(titles(await opportunities(`sort=employer&forPlacement=true&q=${encodeURIComponent(builder)}`))).toContain(
      "Zz chooser framing internship",
    );
  });

  it("leaves out what the student is too young for", async () => {
    expect(
      titles(await opportunities(`sort=employer&forPlacement=true&q=zz%20chooser%20pharmacy&studentId=${adult}`)),
    ).toEqual(["Zz chooser pharmacy internship", "Zz chooser pharmacy shadow"]);
    expect(
      titles(await opportunities(`sort=employer&forPlacement=true&q=zz%20chooser%20pharmacy&studentId=${minor}`)),
    ).toEqual(["Zz chooser pharmacy shadow"]);
  });

  it("answers 404 for a student of another district, and 400 for a bad flag", async () => {
    const res = await call(COORD, "GET", `/api/opportunities?forPlacement=true&studentId=${riverbendStudent}`);
    expect(res.statusCode).toBe(404);
    expect((await call(COORD, "GET", "/api/opportunities?forPlacement=maybe")).statusCode).toBe(400);
  });
});

describe("schools and employers by name", () => {
  it("finds schools by any part of the name, pages without a cap, and narrows to a district", async () => {
    const res = await call(COORD, "GET", "/api/organizations?type=school&q=high&pageSize=1&page=2");
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: { name: string; type: string }[]; total: number };
    expect(page.total).toBeGreaterThan(1);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.type).toBe("school");
    const district = (await (await call(COORD, "GET", "/api/me")).json()).organizationId as string;
    const own = (
      await call(COORD, "GET", `/api/organizations?type=school&parentId=${district}&pageSize=100`)
    ).json() as { items: { name: string }[] };
    expect(own.items.map((o) => o.name)).toContain("Valley High");
    expect(own.items.map((o) => o.name)).not.toContain("Riverbend High");
  });
});
