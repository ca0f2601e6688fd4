import { type FieldError, type GuardianLanguage, type ProblemKey, renderProblemText, say } from "@bridgework/domain";
import type { FastifySchemaValidationError } from "fastify/types/schema.js";
import { z } from "zod";

const SPANISH = z.locales.es();

/**
 * Field messages of a request that failed its zod schema, in the reader's language. Our own
 * rules (a refine naming a catalogue key in `params.problem`) use the catalogue; zod's generic
 * messages use zod's Spanish locale.
 */
export function zodFieldErrors(validation: readonly FastifySchemaValidationError[], where: string, language: GuardianLanguage): FieldError[] {
  return validation.map((v) => ({
    path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where,
    message: messageFor(v, language),
  }));
}

function messageFor(v: FastifySchemaValidationError, language: GuardianLanguage): string {
  const ours = (v.params as { params?: { problem?: string } }).params?.problem;
  if (ours && isOurFieldKey(ours)) return renderProblemText(say(ours), language);
  if (language === "en") return v.message ?? renderProblemText(say("invalid-value"), language);
  const issue = { ...v.params, code: v.keyword, path: v.instancePath.split("/").slice(1) } as unknown as Parameters<typeof SPANISH.localeError>[0];
  const spanish = SPANISH.localeError(issue);
  const text = typeof spanish === "string" ? spanish : spanish?.message;
  if (!text) return renderProblemText(say("invalid-value"), language);
  // The request's value is not kept on the issue (zod leaves `input` out), so the locale's
  // "recibido …" would name the wrong type: the sentence ends at what was expected.
  return v.keyword === "invalid_type" ? text.replace(/, recibido .*$/, "") : text;
}

/** Refine keys (in the domain schemas' `params.problem`) this API words itself; others fall back to zod's wording. */
const OUR_FIELD_KEYS = ["ends-before-starts", "window-ends-before-starts", "range-ends-before-starts", "calendar-range-too-long"] as const satisfies readonly ProblemKey[];

function isOurFieldKey(key: string): key is (typeof OUR_FIELD_KEYS)[number] {
  return (OUR_FIELD_KEYS as readonly string[]).includes(key);
}
