import {
  type FieldError,
  type GuardianLanguage,
  type ProblemKey,
  type ProblemText,
  renderProblemText,
  say,
} from "@bridgework/domain";
import type { FastifySchemaValidationError } from "fastify/types/schema.js";
import { z } from "zod";

const SPANISH = z.locales.es();

/**
 * Field messages of a request that failed its zod schema, in the reader's language. Our own
 * rules (a refine naming a catalogue key in `params.problem`) use the catalogue; zod's generic
 * messages use zod's Spanish locale.
 */
export function zodFieldErrors(
  validation: readonly FastifySchemaValidationError[],
  where: string,
  language: GuardianLanguage,
): FieldError[] {
  return validation.map((v) => ({
    path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where,
    message: messageFor(v, language),
  }));
}

function messageFor(v: FastifySchemaValidationError, language: GuardianLanguage): string {
  const params = (v.params as { params?: { problem?: string; from?: number; to?: number } }).params;
  const ours = params?.problem;
  if (ours && isOurFieldKey(ours)) return renderProblemText(say(ours), language);
  // A date outside the years we accept (schemas/dates.ts): the years are the refine's params.
  if (ours === "field.date-range")
    return renderProblemText(say("field.date-range", { from: Number(params?.from), to: Number(params?.to) }), language);
  const friendly = friendlyText(v, language);
  if (friendly) return renderProblemText(friendly, language);
  if (language === "en") return v.message ?? renderProblemText(say("invalid-value"), language);
  const issue = { ...v.params, code: v.keyword, path: v.instancePath.split("/").slice(1) } as unknown as Parameters<
    typeof SPANISH.localeError
  >[0];
  const spanish = SPANISH.localeError(issue);
  const text = typeof spanish === "string" ? spanish : spanish?.message;
  if (!text) return renderProblemText(say("invalid-value"), language);
  // The request's value is not kept on the issue (zod leaves `input` out), so the locale's
  // "recibido …" would name the wrong type: the sentence ends at what was expected.
  return v.keyword === "invalid_type" ? text.replace(/, recibido .*$/, "") : text;
}

/** Refine keys (in the domain schemas' `params.problem`) this API words itself; others fall back to zod's wording. */
const OUR_FIELD_KEYS = [
  "ends-before-starts",
  "window-ends-before-starts",
  "range-ends-before-starts",
  "calendar-range-too-long",
] as const satisfies readonly ProblemKey[];

function isOurFieldKey(key: string): key is (typeof OUR_FIELD_KEYS)[number] {
  return (OUR_FIELD_KEYS as readonly string[]).includes(key);
}

type IssueParams = {
  origin?: string;
  minimum?: number | bigint | string;
  maximum?: number | bigint | string;
  inclusive?: boolean;
  format?: string;
  expected?: string;
  values?: unknown[];
};

const bound = (value: number | bigint | string | undefined) =>
  typeof value === "bigint" ? Number(value) : (value ?? 0);

/**
 * zod's generic issues in words a person can act on ("Enter at least 3 characters.") rather than
 * its developer wording ("Too small: expected string to have >=3 characters"); undefined for
 * issues without a sentence of ours (zod's own wording then).
 */
function friendlyText(v: FastifySchemaValidationError, language: GuardianLanguage): ProblemText | undefined {
  // A schema's own (English) message ("Give the opportunity a title") says it better than any generic sentence.
  if (language === "en" && !/^(Invalid|Too (small|big))/.test(v.message ?? "")) return undefined;
  const p = v.params as IssueParams;
  const missing = / received undefined$/.test(v.message ?? "");
  switch (v.keyword) {
    case "invalid_type":
      if (p.expected === "number" || p.expected === "nan") return missing ? say("field.required") : say("field.number");
      if (p.expected === "int") return say("field.whole-number");
      if (p.expected === "boolean") return say("field.choose");
      return missing ? say("field.required") : undefined;
    case "invalid_value":
      return p.values?.length === 1 && p.values[0] === true ? say("field.agree") : say("field.choose");
    case "too_small": {
      const minimum = bound(p.minimum);
      if (p.origin === "string")
        return minimum === 1 ? say("field.required") : say("field.too-short", { minimum: Number(minimum) });
      if (p.origin === "array" || p.origin === "set") return say("field.choose-at-least", { minimum: Number(minimum) });
      return p.inclusive === false ? say("field.more-than", { minimum }) : say("field.at-least", { minimum });
    }
    case "too_big": {
      const maximum = bound(p.maximum);
      if (p.origin === "string") return say("field.too-long", { maximum: Number(maximum) });
      if (p.origin === "array" || p.origin === "set") return say("field.choose-at-most", { maximum: Number(maximum) });
      return p.inclusive === false ? say("field.less-than", { maximum }) : say("field.at-most", { maximum });
    }
    case "invalid_format":
      if (p.format === "email") return say("field.email");
      if (p.format === "date") return say("field.date");
      if (p.format === "datetime") return say("field.datetime");
      if (p.format === "uuid" || p.format === "guid") return say("field.id");
      return say("field.format");
    default:
      return undefined;
  }
}
