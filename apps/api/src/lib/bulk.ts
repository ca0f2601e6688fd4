import {
  type BulkOutcome,
  type BulkResult,
  DomainError,
  type GuardianLanguage,
  PROBLEM_BASE,
  pickLanguage,
  renderProblemText,
  say,
} from "@bridgework/domain";
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import { isTransientConflict } from "./db-errors.ts";

/** The reader's language for per-item problems, as the error handler picks it. */
export const bulkLanguage = (req: FastifyRequest): GuardianLanguage => pickLanguage(req.headers["accept-language"]);

/**
 * Does `action` to each id in turn, each in its own transaction (the action's own): one item's
 * problem (409, 422, 404…) is reported for that item, worded in the reader's language, and the
 * others go ahead. Never all-or-nothing, never silent.
 */
export async function forEachItem(
  ids: string[],
  language: GuardianLanguage,
  log: FastifyBaseLogger,
  action: (id: string) => Promise<unknown>,
): Promise<BulkResult> {
  const results: BulkOutcome[] = [];
  for (const id of ids) {
    try {
      await action(id);
      results.push({ id, ok: true });
    } catch (error) {
      results.push({ id, ok: false, problem: itemProblem(error, language, log) });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}

function itemProblem(error: unknown, language: GuardianLanguage, log: FastifyBaseLogger) {
  if (error instanceof DomainError) {
    const errors = error.fields.length > 0 ? { errors: error.fieldErrors(language) } : {};
    return {
      type: PROBLEM_BASE + error.code,
      title: error.title(language),
      status: error.status,
      detail: error.detailIn(language),
      ...errors,
    };
  }
  if (isTransientConflict(error)) {
    return {
      type: PROBLEM_BASE + "busy",
      title: renderProblemText(say("title.busy"), language),
      status: 503,
      detail: renderProblemText(say("busy"), language),
    };
  }
  log.error({ err: error }, "bulk item failed");
  return {
    type: PROBLEM_BASE + "internal",
    title: renderProblemText(say("title.internal"), language),
    status: 500,
    detail: renderProblemText(say("internal"), language),
  };
}
