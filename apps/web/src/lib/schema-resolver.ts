import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "./api-error.ts";
import { dateRangeError, issueToFieldError, valueAt } from "./forms.ts";

/** Extra calendar bounds a form knows (today, a placement's dates): field → allowed YYYY-MM-DD range. */
export type DateRanges<F> = (
  values: F,
) => Partial<Record<keyof F & string, { min?: string | undefined; max?: string | undefined }>>;

/**
 * A react-hook-form resolver for forms whose fields are strings (native inputs) but whose API
 * body is typed: `toInput` turns the form into the body, and the shared domain schema — the
 * same one the API validates with — checks it. `fieldOf` names the form field for a schema path
 * (e.g. `location.postalCode` → `postalCode`). Each error keeps the facts of its issue so
 * `fieldMessage` words it for people (see forms.ts); `dateRanges` adds the bounds of date fields.
 */
export function schemaResolver<F extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: F) => unknown,
  fieldOf: (path: string) => (keyof F & string) | undefined = (p) => p.split(".")[0] as keyof F & string,
  dateRanges?: DateRanges<F>,
): Resolver<F, unknown, z.output<S>> {
  return async (values) => {
    const parsed = schema.safeParse(toInput(values));
    const errors: Record<string, ReturnType<typeof issueToFieldError>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.map(String).join("."));
        // An issue no field shows still blocks sending (react-hook-form keeps `root` for that).
        if (!field) errors.root ??= issueToFieldError(issue);
        else errors[field] ??= issueToFieldError(issue, valueAt(values, field));
      }
    }
    for (const [field, range] of Object.entries(dateRanges?.(values) ?? {}) as [
      string,
      { min?: string; max?: string } | undefined,
    ][]) {
      const out = range ? dateRangeError(String(valueAt(values, field) ?? ""), range.min, range.max) : undefined;
      if (out) errors[field] ??= out;
    }
    if (parsed.success && Object.keys(errors).length === 0) return { values: parsed.data, errors: {} };
    return { values: {}, errors: errors as unknown as FieldErrors<F> };
  };
}

/** Puts a problem's field errors next to the fields (mapping API paths to form fields); returns whether any landed. */
export function applyServerErrors<F extends FieldValues>(
  error: unknown,
  setError: (name: keyof F & string, e: { type: "server"; message: string }) => void,
  fields: readonly (keyof F & string)[],
  fieldOf: (path: string) => string = (p) => p.split(".")[0]!,
): boolean {
  if (!(error instanceof ApiError)) return false;
  let any = false;
  for (const fieldError of error.errors) {
    const field = fields.find((f) => f === fieldOf(fieldError.path));
    if (field) {
      setError(field, { type: "server", message: fieldError.message });
      any = true;
    }
  }
  return any;
}

/** `""` → undefined, else the number (NaN stays NaN so the schema reports it). */
export const numberOrUndefined = (value: string): number | undefined =>
  value.trim() === "" ? undefined : Number(value);

/** A `datetime-local` value (the browser's local time) as an ISO instant, or undefined when empty. */
export const localToIso = (value: string): string | undefined => (value ? new Date(value).toISOString() : undefined);

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
