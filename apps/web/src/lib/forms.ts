import type { TFunction } from "i18next";
import type { FieldError as FormFieldError, FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "./api-error.ts";

/**
 * Puts a problem's per-field `errors` next to the form's fields. Returns the messages that
 * belong to no field of this form, so the caller can show them in the form's alert.
 */
export function applyProblemToForm<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly Path<T>[]): string[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: string[] = [];
  for (const fieldError of error.errors) {
    const field = fields.find((f) => f === fieldError.path);
    if (field) setError(field, { type: "server", message: fieldError.message });
    else unmatched.push(fieldError.message);
  }
  return unmatched;
}

/**
 * Client-side messages come from the shared zod schemas in English; in another language the
 * issue code picks a translated message instead.
 */
export function fieldMessage(t: TFunction, language: string, error: FormFieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (language.startsWith("en") || error.type === "server" || error.type === "manual") return error.message;
  const key = `validation.${String(error.type)}`;
  return t(key as "validation.custom", { defaultValue: error.message ?? "" });
}
