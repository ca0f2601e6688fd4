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
