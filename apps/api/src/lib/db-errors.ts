import { Conflict } from "@bridgework/domain";

/** PostgreSQL unique_violation → 409 duplicate with a human message. */
export async function uniqueOrDuplicate<T>(query: PromiseLike<T>, detail: string): Promise<T> {
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
