import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";

/** A request that skipped the web app's checks still gets field messages a person can act on. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const SCHEMA_WORDING = /Invalid (option|input)|Too (small|big)|expected|>=|guest_speaker/;

async function errorsOf(language: string) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/opportunities",
    headers: { ...(await h.as("employer@valley.example")), "accept-language": language },
    payload: {
      kind: "",
      sector: "Public Services",
      title: "",
      modality: "in_person",
      capacity: 0,
      paid: false,
      startsAt: "soon",
    },
  });
  expect(res.statusCode).toBe(400);
  return Object.fromEntries((res.json().errors as { path: string; message: string }[]).map((e) => [e.path, e.message]));
}

describe("server field messages", () => {
  it("say what to do in English, without zod's wording (a schema's own message stays)", async () => {
    const en = await errorsOf("en");
    expect(en).toMatchObject({
      kind: "Choose one of the options.",
      title: "Give the opportunity a title",
      capacity: "At least one seat",
      startsAt: "Enter a date and time.",
    });
    for (const message of Object.values(en)) expect(message).not.toMatch(SCHEMA_WORDING);
  });

  it("and in Spanish", async () => {
    const es = await errorsOf("es");
    expect(es).toMatchObject({
      kind: "Elija una de las opciones.",
      title: "Escriba al menos 3 caracteres.",
      capacity: "Escriba 1 o más.",
      startsAt: "Escriba una fecha y una hora.",
    });
  });
});
