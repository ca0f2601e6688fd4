import type { TFunction } from "i18next";
import type { FieldError as FormFieldError, FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "./api-error.ts";
import { displayTimeZone, formatDate } from "./format.ts";
import { i18n } from "./i18n.ts";

/**
 * Friendly validation messages.
 *
 * The shared zod schemas speak to developers ("Too small: expected string to have >=1
 * characters"). A form never shows that text: each issue is kept as facts (its code, bounds, the
 * format it wanted, whether the field was left empty) and worded where it is shown, in the
 * interface language, naming the field by its label and saying what to do: "Enter the title.",
 * "Choose the kind of experience.", "Capacity must be at least 1.".
 */
export interface IssueFacts {
  /** zod's issue code (`too_small`, `invalid_format`, …) or one of ours (`date_min`, `date_max`). */
  code: string;
  /** Nothing was entered or chosen. */
  empty?: boolean;
  /** The field is a choice (a select, a chooser): "Choose …" rather than "Enter …". */
  choice?: boolean;
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  format?: string;
  expected?: string;
  divisor?: number;
  /** A domain rule's catalogue key (`params.problem` of a refine), e.g. `ends-before-starts`. */
  problem?: string;
  /** The years a date must fall in (the `field.date-range` rule of the domain's isoDay/isoInstant). */
  years?: { from: number; to: number };
  /** A boolean that must be ticked (`z.literal(true)`). */
  mustAgree?: boolean;
}

/** A react-hook-form error that carries the facts of its issue. */
export type FactualFieldError = FormFieldError & { facts?: IssueFacts };

type Issue = z.core.$ZodIssue;

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/** The facts of one zod issue; `value` is what the form held for the field (to tell "left empty" from "wrong"). */
export function issueFacts(issue: Issue, value?: unknown): IssueFacts {
  const i = issue as Issue & Record<string, unknown>;
  const facts: IssueFacts = { code: issue.code };
  if (isEmpty(value)) facts.empty = true;
  if (typeof i.origin === "string") facts.origin = i.origin;
  if (typeof i.minimum === "number" || typeof i.minimum === "bigint") facts.minimum = Number(i.minimum);
  if (typeof i.maximum === "number" || typeof i.maximum === "bigint") facts.maximum = Number(i.maximum);
  if (typeof i.inclusive === "boolean") facts.inclusive = i.inclusive;
  if (typeof i.format === "string") facts.format = i.format;
  if (typeof i.expected === "string") facts.expected = i.expected;
  if (typeof i.divisor === "number") facts.divisor = i.divisor;
  const params = i.params as { problem?: unknown; from?: unknown; to?: unknown } | undefined;
  if (typeof params?.problem === "string") facts.problem = params.problem;
  if (typeof params?.from === "number" && typeof params.to === "number")
    facts.years = { from: params.from, to: params.to };
  if (issue.code === "invalid_value") {
    const values = (i.values as unknown[] | undefined) ?? [];
    if (values.length === 1 && values[0] === true) facts.mustAgree = true;
    else facts.choice = true;
  }
  if (issue.code === "invalid_format" && (facts.format === "uuid" || facts.format === "guid")) facts.choice = true;
  if (issue.code === "invalid_union") facts.choice = true;
  return facts;
}

/** The react-hook-form error for an issue: type is the code, message zod's text (a last resort), facts for wording. */
export function issueToFieldError(issue: Issue, value?: unknown): { type: string; message: string; facts: IssueFacts } {
  return { type: issue.code, message: issue.message, facts: issueFacts(issue, value) };
}

/** Reads a form value by a dotted field name. */
export function valueAt(values: unknown, field: string): unknown {
  let current: unknown = values;
  for (const part of field.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** "Start date" → "start date" (but "CALPADS ID" stays). */
function lowerFirst(label: string): string {
  return label.length > 1 && label[1] === label[1]!.toLowerCase() ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** A calendar day in the reader's language ("Jan 5, 2027"). */
const day = (value: number | string | undefined, language: string) =>
  typeof value === "string" ? formatDate(value, language) : String(value ?? "");

/** The validation key and its values for some facts. */
function keyOf(facts: IssueFacts): { key: string; values?: Record<string, unknown> } {
  const { code } = facts;
  if (facts.mustAgree) return { key: "mustAgree" };
  if (
    facts.problem === "ends-before-starts" ||
    facts.problem === "window-ends-before-starts" ||
    facts.problem === "ends-before-it-starts"
  )
    return { key: "endsBeforeStarts" };
  if (facts.problem === "field.date-range") return { key: "dateYears" };
  if (code === "date_min") return { key: "dateMin" };
  if (code === "date_max") return { key: "dateMax" };
  if (code === "passwords_differ") return { key: "passwordsDiffer" };
  if (facts.empty && code !== "custom") return { key: facts.choice ? "choose" : "required" };
  if (facts.choice) return { key: "choose" };
  switch (code) {
    case "too_small":
      if (facts.origin === "string") return { key: facts.minimum === 1 ? "required" : "tooShort" };
      if (facts.origin === "array" || facts.origin === "set") return { key: "chooseAtLeast" };
      if (facts.origin === "date") return { key: "dateMin" };
      return { key: facts.inclusive === false ? "numberAbove" : "numberMin" };
    case "too_big":
      if (facts.origin === "string") return { key: "tooLong" };
      if (facts.origin === "array" || facts.origin === "set") return { key: "chooseAtMost" };
      if (facts.origin === "date") return { key: "dateMax" };
      return { key: facts.inclusive === false ? "numberBelow" : "numberMax" };
    case "invalid_type":
      if (facts.expected === "number" || facts.expected === "nan") return { key: "number" };
      if (facts.expected === "int") return { key: "wholeNumber" };
      if (facts.expected === "boolean") return { key: "choose" };
      return { key: "required" };
    case "invalid_format":
      if (facts.format === "email") return { key: "email" };
      if (facts.format === "date") return { key: "date" };
      if (facts.format === "datetime") return { key: "dateTime" };
      if (facts.format === "url") return { key: "url" };
      return { key: "format" };
    case "not_multiple_of":
      return { key: "multipleOf" };
    default:
      return { key: "check" };
  }
}

/**
 * The sentence for an issue, naming the field by `label` when given ("Enter the title.") and
 * generic otherwise ("Fill in this field.").
 */
export function issueMessage(t: TFunction, facts: IssueFacts, label?: string): string {
  let { key } = keyOf(facts);
  // A question ("Would you host a student again?") is answered, not entered.
  if (label?.trim().endsWith("?") && (key === "choose" || key === "required")) key = "answer";
  const language = i18n.language;
  const values = {
    field: label ? lowerFirst(label) : undefined,
    Field: label,
    minimum:
      facts.origin === "date" || typeof facts.minimum === "string" ? day(facts.minimum, language) : facts.minimum,
    maximum:
      facts.origin === "date" || typeof facts.maximum === "string" ? day(facts.maximum, language) : facts.maximum,
    divisor: facts.divisor,
    from: facts.years?.from,
    to: facts.years?.to,
    count:
      typeof facts.minimum === "number" ? facts.minimum : typeof facts.maximum === "number" ? facts.maximum : undefined,
    interpolation: { escapeValue: false },
  };
  return t(
    `validation.${label ? "field" : "plain"}.${key}` as "validation.plain.check",
    values as Record<string, unknown>,
  ) as string;
}

/**
 * The message to show under a field. Server errors come already worded by the API in the
 * reader's language; our own issues are worded here, naming the field by `label`.
 */
export function fieldMessage(
  t: TFunction,
  _language: string,
  error: FormFieldError | undefined,
  label?: string,
): string | undefined {
  if (!error) return undefined;
  if (error.type === "server" || error.type === "manual") return error.message;
  const facts = (error as FactualFieldError).facts ?? { code: String(error.type) };
  return issueMessage(t, facts, label);
}

/**
 * For forms kept in component state (no react-hook-form): each field's first issue as a
 * sentence naming the field. `labels` gives each field's label; `fieldOf` maps a schema path to
 * a field (its first segment by default); `values` is what the form held, by field.
 */
export function issueMessages<K extends string>(
  t: TFunction,
  issues: readonly Issue[],
  labels: Partial<Record<K, string>>,
  values: Partial<Record<K, unknown>> = {},
  fieldOf: (path: string) => K | undefined = (p) => p.split(".")[0] as K,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path.map(String).join("."));
    if (field === undefined || out[field] !== undefined) continue;
    out[field] = issueMessage(t, issueFacts(issue, values[field]), labels[field]);
  }
  return out;
}

/** "Choose the rating." for a choice left empty that the schema itself cannot require. */
export const chooseMessage = (t: TFunction, label?: string) =>
  issueMessage(t, { code: "invalid_type", empty: true, choice: true }, label);

/** Today as YYYY-MM-DD in the region's time zone (the device's before login). */
export function todayInRegion(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone: displayTimeZone(),
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The later / earlier of optional YYYY-MM-DD days. */
export const laterDay = (...days: (string | null | undefined)[]) =>
  days
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
export const earlierDay = (...days: (string | null | undefined)[]) =>
  days
    .filter((d): d is string => !!d)
    .sort()
    .at(0);

/**
 * A date field outside [min, max] (YYYY-MM-DD; either may be absent) as the facts of its error,
 * or undefined when it is in range or empty (emptiness is the schema's to report).
 */
export function dateOutOfRange(value: string, min?: string, max?: string): IssueFacts | undefined {
  if (!value) return undefined;
  if (min && value < min) return { code: "date_min", origin: "date", minimum: min };
  if (max && value > max) return { code: "date_max", origin: "date", maximum: max };
  return undefined;
}

/** The react-hook-form error for a date outside its range. */
export function dateRangeError(
  value: string,
  min?: string,
  max?: string,
): { type: string; message: string; facts: IssueFacts } | undefined {
  const facts = dateOutOfRange(value, min, max);
  return facts ? { type: facts.code, message: facts.code, facts } : undefined;
}

/**
 * Puts a problem's per-field `errors` next to the form's fields. Returns the messages that
 * belong to no field of this form, so the caller can show them in the form's alert.
 */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: string[] = [];
  for (const fieldError of error.errors) {
    const field = fields.find((f) => f === fieldError.path);
    if (field) setError(field, { type: "server", message: fieldError.message });
    else unmatched.push(fieldError.message);
  }
  return unmatched;
}
