import { CreateOpportunity, CreatePlacement, HoursInput } from "@bridgework/domain";
import { afterEach, describe, expect, it } from "vitest";
import { dateOutOfRange, fieldMessage, issueFacts, issueMessage, issueMessages } from "./forms.ts";
import { i18n, i18nReady } from "./i18n.ts";

// Each language is its own chunk, loaded before first use (as main.tsx waits before painting).
await i18nReady;
import { schemaResolver } from "./schema-resolver.ts";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

const SCHEMA_WORDING = /Invalid (option|input)|Too (small|big)|expected|>=|\||guest_speaker/;

describe("validation messages people can act on", () => {
  it("names the field and says what to do, never the schema's wording", async () => {
    const parsed = CreateOpportunity.safeParse({ title: "", capacity: 0, description: "" });
    expect(parsed.success).toBe(false);
    const labels = { title: "Title", kind: "Kind of opportunity", capacity: "Capacity", sector: "Industry sector" };
    const values = { title: "", kind: "", capacity: "0", sector: "" };
    const en = issueMessages(i18n.t, parsed.error!.issues, labels, values);
    expect(en).toMatchObject({
      title: "Enter the title.",
      kind: "Choose the kind of opportunity.",
      capacity: "Capacity must be at least 1.",
      sector: "Choose the industry sector.",
    });
    await i18n.changeLanguage("es");
    const es = issueMessages(
      i18n.t,
      parsed.error!.issues,
      { title: "Título", kind: "Tipo de oportunidad", capacity: "Plazas", sector: "Sector" },
      values,
    );
    expect(es).toMatchObject({
      title: "Complete el campo «Título».",
      kind: "Elija una opción en «Tipo de oportunidad».",
      capacity: "El campo «Plazas» debe ser al menos 1.",
    });
    for (const message of [...Object.values(en), ...Object.values(es)]) expect(message).not.toMatch(SCHEMA_WORDING);
  });

  it("words a date outside the years the API accepts (the domain's isoDay), as the form's own check, in both languages", async () => {
    // A typo like 0202 for 2020 is caught in the browser with the same rule and years the API applies.
    const placement = CreatePlacement.safeParse({
      studentId: "x",
      opportunityId: "y",
      startDate: "0202-06-01",
      endDate: "2031-07-01",
      supervisor: { name: "Dana", email: "dana@clinic.example" },
    });
    const labels = { startDate: "Start date" };
    expect(issueMessages(i18n.t, placement.error!.issues, labels, { startDate: "0202-06-01" }).startDate).toBe(
      "Enter a date from the years 2000 to 2199 for the start date.",
    );
    await i18n.changeLanguage("es");
    expect(
      issueMessages(i18n.t, placement.error!.issues, { startDate: "Fecha de inicio" }, { startDate: "0202-06-01" })
        .startDate,
    ).toBe("Escriba en «Fecha de inicio» una fecha de los años 2000 a 2199.");
  });

  it("words bad emails, dates out of range, numbers and the end-before-start rule", async () => {
    const placement = CreatePlacement.safeParse({
      studentId: "x",
      opportunityId: "y",
      startDate: "2027-02-01",
      endDate: "2027-01-05",
      supervisor: { name: "Dana", email: "dana at clinic" },
    });
    const byField = issueMessages(
      i18n.t,
      placement.error!.issues,
      { studentId: "Student", endDate: "End date", supervisor: "Supervisor email" },
      { studentId: "x", endDate: "2027-01-05", supervisor: "dana at clinic" },
    );
    expect(byField.studentId).toBe("Choose the student.");
    expect(byField.supervisor).toBe("Check the supervisor email: an email address looks like name@example.org.");
    expect(byField.endDate).toBe("The end date must be on or after the start.");
    expect(issueMessage(i18n.t, dateOutOfRange("2027-01-01", "2027-01-05")!, "Date")).toBe(
      "Enter a date on or after Jan 5, 2027 for the date.",
    );
    expect(issueMessage(i18n.t, dateOutOfRange("2027-01-01", "2027-01-05")!)).toBe(
      "Enter a date on or after Jan 5, 2027.",
    );
    expect(dateOutOfRange("2027-01-06", "2027-01-05", "2027-01-31")).toBeUndefined();
    const hours = HoursInput.safeParse({ date: "2027-01-06", hours: 30 });
    expect(issueMessages(i18n.t, hours.error!.issues, { hours: "Hours" }, { hours: "30" }).hours).toBe(
      "Hours must be at most 24.",
    );
    const nan = HoursInput.safeParse({ date: "2027-01-06", hours: Number.NaN });
    expect(issueMessages(i18n.t, nan.error!.issues, { hours: "Hours" }, { hours: "abc" }).hours).toBe(
      "Enter a number for the hours.",
    );
    await i18n.changeLanguage("es");
    expect(issueMessage(i18n.t, dateOutOfRange("2027-02-01", undefined, "2027-01-31")!, "Fecha")).toBe(
      "Escriba en «Fecha» una fecha igual o anterior al 31 ene 2027.",
    );
  });

  it("keeps what the form held: an empty field is asked for, a wrong one explained", () => {
    const parsed = CreatePlacement.safeParse({
      studentId: "",
      opportunityId: "",
      startDate: "",
      endDate: "",
      supervisor: { name: "", email: "" },
    });
    const facts = issueFacts(parsed.error!.issues.find((i) => i.path.join(".") === "startDate")!, "");
    expect(issueMessage(i18n.t, facts, "Start date")).toBe("Enter the start date.");
    const wrong = issueFacts(parsed.error!.issues.find((i) => i.path.join(".") === "startDate")!, "soon");
    expect(issueMessage(i18n.t, wrong, "Start date")).toBe("Enter the start date as a date.");
  });
});

describe("the form resolver", () => {
  it("refuses a day outside the form's bounds with the bound in words, and keeps the facts for wording", async () => {
    const resolver = schemaResolver<{ date: string; hours: string }, typeof HoursInput>(
      HoursInput,
      (v) => ({ date: v.date, hours: v.hours === "" ? undefined : Number(v.hours) }),
      undefined,
      () => ({ date: { min: "2027-01-05", max: "2027-01-31" } }),
    );
    const run = (values: { date: string; hours: string }) =>
      resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
    const early = await run({ date: "2027-01-01", hours: "3" });
    expect(Object.keys(early.errors)).toEqual(["date"]);
    expect(fieldMessage(i18n.t, "en", early.errors.date, "Date")).toBe(
      "Enter a date on or after Jan 5, 2027 for the date.",
    );
    const empty = await run({ date: "2027-01-06", hours: "" });
    expect(fieldMessage(i18n.t, "en", empty.errors.hours, "Hours worked")).toBe("Enter the hours worked.");
    expect((await run({ date: "2027-01-06", hours: "3" })).values).toEqual({ date: "2027-01-06", hours: 3 });
  });
});
