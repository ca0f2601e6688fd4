/** Reading a page's URL search params tolerantly: a hand-edited URL falls back instead of failing. */

/** A page number: a positive integer, else 1. */
export function pageParam(value: unknown): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The value when it is one of `values` (a filter's choices), else undefined: no filter. */
export const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((v) => v === value);

/** Search text: trimmed and cut to `max` characters; empty means none. */
export function textParam(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim().slice(0, max) : undefined;
}

/**
 * A domain list of choices, restated for a route's search validator. The domain module that owns
 * such a list also builds zod schemas, and the validators run on the first page, which loads no
 * zod (docs/architecture.md, "First page"). The type makes a missing or an extra value a compile
 * error, so the copy cannot drift: `choices<MatchStatus>()(["proposed", …])`.
 */
export const choices =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A =>
    values;
