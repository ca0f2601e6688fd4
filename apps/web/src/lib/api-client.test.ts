// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../test/render.tsx";
import { api, ApiError } from "./api-client.ts";
import { i18n, i18nReady } from "./i18n.ts";

// Each language is its own chunk, loaded before first use (as main.tsx waits before painting).
await i18nReady;
import { session } from "./session.ts";

const user = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "teacher@valley.example",
  name: "Tanya Nguyen",
  role: "teacher" as const,
  organizationId: "00000000-0000-4000-8000-000000000002",
  organizationName: "Valley High",
  regionId: "00000000-0000-4000-8000-000000000003",
  regionName: "Valley",
  language: "en" as const,
  region: { id: "00000000-0000-4000-8000-000000000003", name: "Valley", timeZone: "America/Los_Angeles" },
};
const unauthenticated = {
  type: "https://bridgework.dev/problems/unauthenticated",
  title: "Not logged in",
  status: 401,
  detail: "Log in to continue.",
};

let fetchMock: ReturnType<typeof vi.fn>;
const headersOf = (call: unknown[]) => (call[1] as RequestInit).headers as Record<string, string>;
const authHeader = (call: unknown[]) => headersOf(call).authorization;

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
  session.signIn({ accessToken: "old-token", user });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("api client", () => {
  it("throws an ApiError carrying the problem's type, detail and per-field errors", async () => {
    const problem = {
      type: "https://bridgework.dev/problems/validation",
      title: "Invalid request",
      status: 400,
      detail: "The body has 1 invalid field(s).",
      requestId: "req-1",
      errors: [{ path: "capacity", message: "Too small: expected number to be >0" }],
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(400, problem));
    const error = await api("/api/opportunities", { method: "POST", body: { capacity: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      slug: "validation",
      detail: problem.detail,
      errors: problem.errors,
      requestId: "req-1",
    });
  });

  it("sends JSON with the in-memory access token", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { ok: true }));
    await expect(api("/api/pathways", { query: { page: 2, sector: undefined } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/pathways?page=2");
    expect(init.credentials).toBe("same-origin");
    expect(authHeader(fetchMock.mock.calls[0]!)).toBe("Bearer old-token");
  });

  it("asks the API to answer in the interface language, and follows a change of language", async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
    try {
      await i18n.changeLanguage("es");
      await api("/api/requests/1/suggestions");
      await i18n.changeLanguage("en");
      await api("/api/requests/1/suggestions");
    } finally {
      await i18n.changeLanguage("en");
    }
    expect(fetchMock.mock.calls.map((c) => headersOf(c)["accept-language"])).toEqual(["es", "en"]);
  });

  it("refreshes once on a 401 and retries with the new token", async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(401, unauthenticated))
      .mockResolvedValueOnce(jsonResponse(200, { accessToken: "new-token", expiresIn: 900, user }))
      .mockResolvedValueOnce(jsonResponse(200, user));
    await expect(api("/api/me")).resolves.toEqual(user);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(["/api/me", "/api/auth/refresh", "/api/me"]);
    expect(authHeader(fetchMock.mock.calls[2]!)).toBe("Bearer new-token");
    expect(session.token()).toBe("new-token");
  });

  it("shares one refresh between concurrent 401s, since a reused refresh cookie revokes the session", async () => {
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (url === "/api/auth/refresh") return jsonResponse(200, { accessToken: "new-token", expiresIn: 900, user });
      const auth = (init.headers as Record<string, string>).authorization;
      return auth === "Bearer new-token" ? jsonResponse(200, { url }) : jsonResponse(401, unauthenticated);
    });
    await Promise.all([api("/api/a"), api("/api/b"), api("/api/c")]);
    expect(fetchMock.mock.calls.filter((c) => c[0] === "/api/auth/refresh")).toHaveLength(1);
  });

  it("logs out when the refresh fails, and surfaces the 401", async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(401, unauthenticated))
      .mockResolvedValueOnce(jsonResponse(401, unauthenticated));
    await expect(api("/api/me")).rejects.toMatchObject({ status: 401 });
    expect(session.get()).toEqual({ status: "anonymous", reason: "expired" });
    expect(session.token()).toBeNull();
  });

  it("never refreshes for calls made without auth, such as a failed login", async () => {
    const wrong = { ...unauthenticated, detail: "The email or password is not right." };
    fetchMock.mockResolvedValueOnce(jsonResponse(401, wrong));
    await expect(api("/api/auth/login", { method: "POST", body: {}, auth: false })).rejects.toMatchObject({
      detail: wrong.detail,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("turns a non-problem error page and a network failure into ApiErrors", async () => {
    fetchMock.mockResolvedValueOnce(
      new Response("<h1>Bad gateway</h1>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "content-type": "text/html" },
      }),
    );
    await expect(api("/api/pathways")).rejects.toMatchObject({ status: 502, title: "Bad Gateway" });
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(api("/api/pathways")).rejects.toMatchObject({ status: 0, slug: "network" });
  });
});
