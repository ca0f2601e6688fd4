import { students } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { csv } from "../../../test/fixtures/student-test-data.ts";

/** A school's local code: kept on the organization, found by the list search, accepted by the student import. */
let h: Harness;
let auth: { authorization: string };
beforeAll(async () => {
  h = await createHarness();
  auth = await h.as("intermediary@valley.example");
});
afterAll(() => h.close());

const TEMPLATE_HEADER =
  "localId,ssid,firstName,lastName,birthDate,grade,school,guardianName,guardianEmail,guardianPhone,guardianLanguage";

describe("a school's local code", () => {
  it("is returned with the demo schools and kept on create and edit", async () => {
    const valleyHigh = await h.app.inject({
      method: "GET",
      url: `/api/organizations/${await h.orgId("Valley High")}`,
      headers: auth,
    });
    expect(valleyHigh.json().localCode).toBe("VHS");
    const created = await h.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: auth,
      payload: {
        type: "school",
        name: "Northgate High",
        parentId: await h.orgId("Valley Unified"),
        localCode: "NGH-01",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().localCode).toBe("NGH-01");
    const edited = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${created.json().id}`,
      headers: auth,
      payload: { localCode: "10621661099999" },
    });
    expect(edited.json().localCode).toBe("10621661099999");
    const cleared = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${created.json().id}`,
      headers: auth,
      payload: { localCode: null },
    });
    expect(cleared.json().localCode).toBeNull();
  });

  it("answers 409 with a field error on localCode when another school of the region has it, whatever its case", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/organizations",
      headers: auth,
      payload: { type: "school", name: "Copycat High", parentId: await h.orgId("Valley Unified"), localCode: "vhs" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/duplicate",
      detail: 'Another organization of this type in your region already has the local code "vhs".',
      errors: [{ path: "localCode", message: "Already used by another organization of this type" }],
    });
    const edit = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${await h.orgId("Eastside High")}`,
      headers: { ...auth, "accept-language": "es" },
      payload: { localCode: "VHS" },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().errors).toEqual([{ path: "localCode", message: "Ya lo usa otra organización de este tipo" }]);
    // Another region's school may use the same code.
    const coast = await h.app.inject({ method: "GET", url: `/api/organizations?type=school&q=CHS`, headers: auth });
    expect(coast.json().items).toEqual([]);
  });

  it("finds schools in the list by their code, exactly or by its start", async () => {
    const search = async (q: string) =>
      (
        (
          await h.app.inject({
            method: "GET",
            url: `/api/organizations?type=school&q=${encodeURIComponent(q)}`,
            headers: auth,
          })
        ).json().items as { name: string }[]
      ).map((o) => o.name);
    expect(await search("EHS")).toEqual(["Eastside High"]);
    expect(await search("eh")).toEqual(["Eastside High"]);
    expect(await search("High")).toContain("Valley High");
    // The code matches from its start only: "HS" is in every code, but no code starts with it.
    expect(await search("HS")).toEqual([]);
  });

  it("lets the student import name the school by its code, whatever its case", async () => {
    const coordinator = await h.as("coordinator@valley.example");
    const file = csv(
      TEMPLATE_HEADER,
      "LC-1,,Lena,Cruz,2009-05-01,10,vhs,,,,",
      "LC-2,,Omar,Diaz,2009-05-02,11,EHS,,,,",
      "LC-3,,Rosa,Vega,2009-05-03,10,RHS,,,,",
    );
    const preview = await h.app.inject({
      method: "POST",
      url: "/api/students/import/preview",
      headers: { ...coordinator, "content-type": "text/csv" },
      payload: file,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().rows.map((r: { school: string | null; outcome: string }) => [r.outcome, r.school])).toEqual([
      ["create", "Valley High"],
      ["create", "Eastside High"],
      ["error", null],
    ]);
    // Riverbend High is another district's school: its code does not reach it.
    expect(preview.json().rows[2].problems).toEqual([
      { field: "school", message: 'school "RHS" is not the name, local code or id of a school of your district' },
    ]);
    const res = await h.app.inject({
      method: "POST",
      url: "/api/students/import",
      headers: { ...coordinator, "content-type": "text/csv" },
      payload: file,
    });
    expect(res.json()).toMatchObject({ created: 2, updated: 0, errors: [{ row: 4 }] });
    const schoolOf = async (localId: string) =>
      (
        await h.db.db
          .select()
          .from(students)
          .where(and(eq(students.districtId, await h.orgId("Valley Unified")), eq(students.localId, localId)))
      )[0]?.schoolId;
    expect(await schoolOf("LC-1")).toBe(await h.orgId("Valley High"));
    expect(await schoolOf("LC-2")).toBe(await h.orgId("Eastside High"));
  });
});
