import { describe, expect, it } from "vitest";
import { InvalidTransition, NotFound, RateLimited, ValidationFailed } from "../errors.ts";
import { pickLanguage } from "./accept-language.ts";
import { PROBLEMS_EN } from "./catalogue.en.ts";
import { PROBLEMS_ES } from "./catalogue.es.ts";
import { renderProblemText, say } from "./problem-text.ts";

describe("the reader's language from Accept-Language", () => {
  it.each([
    ["es", "es"],
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["en-US,en;q=0.9,es;q=0.8", "en"],
    ["fr-FR,es;q=0.5,en;q=0.4", "es"],
    ["en;q=0.2, es", "es"],
    ["es;q=0, en;q=0.1", "en"],
    ["ES-es", "es"],
    ["fr, de;q=0.8", "en"],
    ["*", "en"],
    ["", "en"],
    [undefined, "en"],
    ["es;q=abc", "en"],
  ])("reads %o as %s", (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});

describe("problem sentences", () => {
  it("words the same facts in English and Spanish", () => {
    const error = new RateLimited(60);
    expect(error.message).toBe("Too many attempts. Try again in 1 minute.");
    expect(error.detailIn("es")).toBe("Demasiados intentos. Vuelva a intentarlo en 1 minuto.");
    expect(error.title("es")).toBe("Demasiadas solicitudes");
  });

  it.each([
    [1, "1 second", "1 segundo"],
    [59, "59 seconds", "59 segundos"],
    [61, "2 minutes", "2 minutos"],
    [900, "15 minutes", "15 minutos"],
    [3600, "60 minutes", "60 minutos"],
    [5400, "2 hours", "2 horas"],
  ])("says a wait of %i s as %s (%s)", (seconds, en, es) => {
    const error = new RateLimited(seconds);
    expect(error.message).toBe(`Too many attempts. Try again in ${en}.`);
    expect(error.detailIn("es")).toBe(`Demasiados intentos. Vuelva a intentarlo en ${es}.`);
  });

  it("names the missing thing with its Spanish article", () => {
    expect(new NotFound("opportunity").detailIn("es")).toBe("La oportunidad no existe o usted no tiene acceso.");
    expect(new NotFound("match").detailIn("en")).toBe("The match does not exist or is not visible to you.");
  });

  it("says an illegal move with the state and action in the reader's words", () => {
    const error = new InvalidTransition("opportunity", "closed", "published");
    expect(error.message).toBe("This opportunity is closed and cannot be published.");
    expect(error.detailIn("es")).toBe("No se puede publicar la oportunidad: su estado es «cerrado».");
  });

  it("words field messages per reader while paths stay the same", () => {
    const error = new ValidationFailed([{ path: "endsAt", text: say("ends-before-starts") }]);
    expect(error.fieldErrors("en")).toEqual([{ path: "endsAt", message: "Ends before it starts" }]);
    expect(error.fieldErrors("es")).toEqual([{ path: "endsAt", message: "Termina antes de empezar" }]);
  });

  it("has a Spanish sentence for every key, different from the English one unless it only repeats names or codes", () => {
    const samePerLanguage = new Set(["verbatim"]);
    expect(Object.keys(PROBLEMS_ES).sort()).toEqual(Object.keys(PROBLEMS_EN).sort());
    for (const key of Object.keys(PROBLEMS_EN) as (keyof typeof PROBLEMS_EN)[]) {
      if (samePerLanguage.has(key)) continue;
      const params = {
        what: "user",
        method: "GET",
        path: "/x",
        entity: "request",
        from: "open",
        action: "cancelled",
        where: "body",
        count: 2,
        seconds: 5,
        school: "Valley High",
        role: "teacher",
        expected: "school",
        actual: "employer",
        name: "x",
        column: "role",
        taken: 2,
        seats: 2,
        status: "paused",
        employer: "Acme",
        asks: 3,
        cap: 3,
        localId: "1",
        kinds: ["guardian_consent"],
        on: "2030-01-01",
        start: "2030-01-01",
        end: "2030-02-01",
        student: "Ana",
        age: 15,
        minAge: 16,
        text: "t",
        month: 7,
      };
      const text = { key, params } as Parameters<typeof renderProblemText>[0];
      expect(renderProblemText(text, "es"), key).not.toBe(renderProblemText(text, "en"));
    }
  });
});
