import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlacement, insertOpportunity, insertStudent, placementBody } from "./fixtures/placement.fixtures.ts";
import { createHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const PROBLEM = "https://bridgework.dev/problems/";
const ES = { "accept-language": "es-MX,es;q=0.9,en;q=0.8" };

/** A problem in `language`: the slug and status are the same in every language. */
function expectProblemIn(res: LightMyRequestResponse, status: number, slug: string, language: "en" | "es") {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.headers["content-language"]).toBe(language);
  const body = res.json<{
    type: string;
    title: string;
    detail: string;
    status: number;
    errors?: { path: string; message: string }[];
  }>();
  expect(body).toMatchObject({ type: PROBLEM + slug, status });
  return body;
}

const missingOpportunity = (headers: Record<string, string>) =>
  h.app.inject({ method: "GET", url: `/api/opportunities/${randomUUID()}`, headers });

describe("problem details in the reader's language", () => {
  it("turns a 404's title and detail into Spanish and keeps the type slug", async () => {
    const auth = await h.as("teacher@valley.example");
    const body = expectProblemIn(await missingOpportunity({ ...auth, ...ES }), 404, "not-found", "es");
    expect(body.title).toBe("No encontrado");
    expect(body.detail).toBe("La oportunidad no existe o usted no tiene acceso.");
  });

  it.each([undefined, "fr-FR,de;q=0.9", "en-GB,es;q=0.5", "es;q=0"])(
    "answers in English for Accept-Language %o",
    async (header) => {
      const auth = await h.as("teacher@valley.example");
      const body = expectProblemIn(
        await missingOpportunity(header ? { ...auth, "accept-language": header } : auth),
        404,
        "not-found",
        "en",
      );
      expect(body.title).toBe("Not found");
      expect(body.detail).toBe("The opportunity does not exist or is not visible to you.");
    },
  );

  it("words a route that does not exist in Spanish", async () => {
    const body = expectProblemIn(
      await h.app.inject({ method: "GET", url: "/api/nowhere", headers: ES }),
      404,
      "not-found",
      "es",
    );
    expect(body.detail).toBe("No hay ninguna ruta para GET /api/nowhere.");
  });

  it("words our own field rules and zod's messages in Spanish (400 with field errors)", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/opportunities",
      headers: { ...(await h.as("employer@valley.example")), ...ES },
      payload: {
        kind: "job_shadow",
        sector: "Public Services",
        title: "Shadow a clerk",
        modality: "in_person",
        capacity: 2,
        paid: false,
        startsAt: "2027-03-02T08:00:00Z",
        endsAt: "2027-03-01T08:00:00Z",
      },
    });
    const body = expectProblemIn(res, 400, "validation", "es");
    expect(body.title).toBe("Solicitud no válida");
    expect(body.detail).toBe("El cuerpo tiene 1 campo no válido.");
    expect(body.errors).toEqual([{ path: "endsAt", message: "Termina antes de empezar" }]);

    const zod = await h.app.inject({
      method: "GET",
      url: "/api/opportunities/not-a-uuid",
      headers: { ...(await h.as("employer@valley.example")), ...ES },
    });
    const zodBody = expectProblemIn(zod, 400, "validation", "es");
    expect(zodBody.errors).toHaveLength(1);
    expect(zodBody.errors![0]).toEqual({ path: "id", message: "Identificador no válido; elija uno de la lista." });
  });

  it("words a rule violation (422) in Spanish with its facts", async () => {
    const student = await insertStudent(h, { birthDate: "2015-06-15", firstName: "Lucía" });
    const opp = await insertOpportunity(h, { minAge: 16 });
    const res = await h.app.inject({
      method: "POST",
      url: "/api/placements",
      headers: { ...(await h.as("coordinator@valley.example")), ...ES },
      payload: placementBody(student.id, opp, { startDate: "2031-06-14" }),
    });
    const body = expectProblemIn(res, 422, "under-minimum-age", "es");
    expect(body.title).toBe("Regla incumplida");
    expect(body.detail).toBe("Lucía tiene 15 años el 2031-06-14; esta oportunidad exige al menos 16.");
    // The English answer to the same request is unchanged.
    const english = expectProblemIn(
      await createPlacement(h, placementBody(student.id, opp, { startDate: "2031-06-14" })),
      422,
      "under-minimum-age",
      "en",
    );
    expect(english.detail).toBe("Lucía is 15 on 2031-06-14; this opportunity requires students to be at least 16.");
  });

  it("words 401 in Spanish", async () => {
    const body = expectProblemIn(
      await h.app.inject({ method: "GET", url: "/api/opportunities", headers: ES }),
      401,
      "unauthenticated",
      "es",
    );
    expect(body).toMatchObject({ title: "Sesión no iniciada", detail: "Inicie sesión para continuar." });
  });

  it("words 403 in Spanish", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/admin/jobs/failed",
      headers: { ...(await h.as("teacher@valley.example")), ...ES },
    });
    const body = expectProblemIn(res, 403, "forbidden", "es");
    expect(body).toMatchObject({ title: "Prohibido", detail: "Su rol no permite hacer esto." });
  });

  it("words 409 in Spanish, naming the state and the action", async () => {
    const opp = await insertOpportunity(h, { employer: "Valley Medical Center", status: "closed" });
    const res = await h.app.inject({
      method: "POST",
      url: `/api/opportunities/${opp}/publish`,
      headers: { ...(await h.as("intermediary@valley.example")), ...ES },
    });
    const body = expectProblemIn(res, 409, "invalid-transition", "es");
    expect(body).toMatchObject({
      title: "Conflicto",
      detail: "No se puede publicar la oportunidad: su estado es «cerrado».",
    });
  });

  it("words 429 in Spanish and keeps Retry-After", async () => {
    const login = () =>
      h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: ES,
        payload: { email: "employer@valley.example", password: "wrong-password" },
        remoteAddress: "10.77.0.1",
      });
    const first = expectProblemIn(await login(), 401, "unauthenticated", "es");
    expect(first.detail).toBe("El correo electrónico o la contraseña no son correctos.");
    for (let i = 0; i < 4; i++) expect((await login()).statusCode).toBe(401);
    const res = await login();
    const body = expectProblemIn(res, 429, "rate-limited", "es");
    expect(body.title).toBe("Demasiadas solicitudes");
    expect(body.detail).toBe("Demasiados intentos. Vuelva a intentarlo en 15 minutos.");
  });
});
