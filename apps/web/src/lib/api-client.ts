import type { LoginResult } from "@bridgework/domain";
import { ApiError, networkError, toApiError } from "./api-error.ts";
import { i18n } from "./i18n.ts";
import { session } from "./session.ts";

export { ApiError, isApiError } from "./api-error.ts";

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** false: send no access token and never try a refresh (login, public links). */
  auth?: boolean;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {
    accept: "application/json, application/problem+json",
    "accept-language": interfaceLanguage(),
  };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw networkError(error);
  }
}

/**
 * The language the person reads the interface in, for the API's problem details and suggestion
 * labels. Only that one language is sent: the SPA has no use for an answer in the browser's.
 */
export function interfaceLanguage(): string {
  return i18n.resolvedLanguage ?? i18n.language;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Reads a response's body that nobody needs: until its body is read, the browser counts the
 * request as still loading (so does a page-load measure such as Lighthouse, which then waits).
 */
const discard = (res: Response) => void res.text().catch(() => undefined);

async function postRefresh(): Promise<boolean> {
  const res = await send("/api/auth/refresh", { method: "POST", auth: false }, null).catch(() => null);
  if (!res?.ok) {
    if (res) discard(res);
    session.signOut();
    return false;
  }
  session.signIn((await res.json()) as LoginResult);
  return true;
}

/**
 * Rotates the refresh cookie once for everyone waiting. The server treats a second use of the
 * same cookie as theft and revokes the session, so concurrent 401s (and other tabs, through the
 * Web Locks API where the browser has it) must share one refresh instead of racing.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      return locks ? await locks.request("bridgework-refresh", postRefresh) : await postRefresh();
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * JSON in, JSON out. Failures throw ApiError carrying the problem+json body. A 401 on an
 * authenticated call refreshes the session once and retries; if that fails the app is logged out.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const useAuth = options.auth !== false;
  const token = useAuth ? session.token() : null;
  let res = await send(path, options, token);
  if (res.status === 401 && useAuth) {
    // Another request may already have refreshed while this one was in flight.
    const current = session.token();
    const renewed = current && current !== token ? true : await refreshSession();
    if (renewed) {
      discard(res);
      res = await send(path, options, session.token());
    }
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
