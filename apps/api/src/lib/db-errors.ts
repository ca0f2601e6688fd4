import { Conflict, type ProblemText } from "@bridgework/domain";

/** PostgreSQL unique_violation → 409 duplicate with a human message. */
export async function uniqueOrDuplicate<T>(query: PromiseLike<T>, detail: ProblemText): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict("duplicate", detail);
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * PostgreSQL refuses text it cannot store (a NUL character, invalid UTF-8). That is bad input
 * that slipped past the schemas, so it is answered 400, not 500.
 */
export function isUnstorableText(error: unknown): boolean {
  const code = pgCode(error);
  return code === "22021" || code === "22P05";
}

/**
 * PostgreSQL aborted the transaction because it and another waited on each other (deadlock)
 * or could not be serialized: nothing was saved and the same request can simply be sent again.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = pgCode(error);
  return code === "40P01" || code === "40001";
}

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

/**
 * PostgreSQL codes meaning "not now": the server is starting or shutting down, refuses more
 * connections, dropped the connection, or stopped a statement or idle transaction at its timeout.
 */
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "25P03"]);
/** Connection exceptions (class 08) and the socket errors of an unreachable server. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
/** node-postgres says these in words only (no code): connect/read timeouts, a dropped socket. */
const UNREACHABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable|Client was closed/i;

/**
 * The database is down, unreachable or too slow to answer in time: the request itself may be
 * fine, so it is answered 503 with Retry-After rather than 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    const code = typeof e.code === "string" ? e.code : "";
    if (UNAVAILABLE_CODES.has(code) || UNREACHABLE_CODES.has(code) || code.startsWith("08")) return true;
    if (typeof e.message === "string" && UNREACHABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
