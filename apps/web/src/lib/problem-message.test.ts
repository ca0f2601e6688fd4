import { afterEach, describe, expect, it } from "vitest";
import { toApiError } from "./api-error.ts";
import { i18n, i18nReady } from "./i18n.ts";

// Each language is its own chunk, loaded before first use (as main.tsx waits before painting).
await i18nReady;
import { problemMessage } from "./problem-message.ts";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

describe("problem message", () => {
  it("words a proxy's HTML error page in the interface language instead of its English status line", async () => {
    const error = await toApiError(
      new Response("<h1>Payload Too Large</h1>", {
        status: 413,
        statusText: "Payload Too Large",
        headers: { "content-type": "text/html" },
      }),
    );
    expect(problemMessage(i18n.t, error)).toBe("The server gave an unexpected answer (413). Please try again.");
    await i18n.changeLanguage("es");
    expect(problemMessage(i18n.t, error)).toBe("El servidor dio una respuesta inesperada (413). Vuelva a intentarlo.");
  });

  it("shows the API's own problem detail as it came", async () => {
    const body = {
      type: "https://bridgework.dev/problems/rate-limited",
      title: "Too many attempts",
      status: 429,
      detail: "Try again in 12 minutes.",
    };
    const error = await toApiError(
      new Response(JSON.stringify(body), { status: 429, headers: { "content-type": "application/problem+json" } }),
    );
    expect(problemMessage(i18n.t, error)).toBe("Try again in 12 minutes.");
  });
});
