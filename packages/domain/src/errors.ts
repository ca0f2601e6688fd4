import type { GuardianLanguage } from "./placements/students.ts";
import { type ProblemKey, type ProblemText, renderProblemText, say } from "./problems/problem-text.ts";
import type { Thing } from "./problems/words.ts";

/**
 * The one error family every layer throws. The API maps each to RFC 9457 problem+json;
 * `code` becomes the problem type slug. Titles and details are catalogue keys with params, so
 * the API answers in the reader's language; `message` is the English text, for logs.
 */
export const PROBLEM_BASE = "https://bridgework.dev/problems/";

export type ConflictCode = "conflict" | "seats-unavailable" | "invalid-transition" | "duplicate";
export type RuleCode =
  | "rule-violation"
  | "under-minimum-age"
  | "paperwork-incomplete"
  | "outside-window"
  | "ask-limit-reached"
  | "insurance-required"
  | "unknown-time-zone"
  | "confirmation-mismatch"
  | "blackout-month";

/** A field's problem as the API answers it. */
export interface FieldError {
  path: string;
  message: string;
}

/** A field's problem as code raises it: the message is a catalogue entry, worded per reader. */
export interface FieldProblem {
  path: string;
  text: ProblemText;
}

type TitleKey = Extract<ProblemKey, `title.${string}`>;

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleKey: TitleKey,
    readonly detail: ProblemText,
    /** Facts a client may act on (seats left, the unsigned documents…), same in every language. */
    readonly extra: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(renderProblemText(detail, "en"));
    this.name = "DomainError";
  }

  title(language: GuardianLanguage): string {
    return renderProblemText(say(this.titleKey), language);
  }

  detailIn(language: GuardianLanguage): string {
    return renderProblemText(this.detail, language);
  }

  fieldErrors(language: GuardianLanguage): FieldError[] {
    return this.fields.map((f) => ({ path: f.path, message: renderProblemText(f.text, language) }));
  }
}

export class NotFound extends DomainError {
  constructor(what: Thing = "resource") {
    super(404, "not-found", "title.not-found", say("not-found", { what }));
  }
}
export class Unauthenticated extends DomainError {
  constructor(detail: ProblemText = say("log-in")) {
    super(401, "unauthenticated", "title.unauthenticated", detail);
  }
}
export class Forbidden extends DomainError {
  constructor(detail: ProblemText = say("role-may-not")) {
    super(403, "forbidden", "title.forbidden", detail);
  }
}
export class Conflict extends DomainError {
  constructor(
    code: ConflictCode,
    detail: ProblemText,
    extra: Record<string, unknown> = {},
    fields: FieldProblem[] = [],
  ) {
    super(409, code, "title.conflict", detail, extra, fields);
  }
}
export class InvalidTransition extends Conflict {
  constructor(entity: Thing, from: string, action: string) {
    super("invalid-transition", say("invalid-transition", { entity, from, action }), { from, action });
  }
}
export class RuleViolation extends DomainError {
  constructor(code: RuleCode, detail: ProblemText, extra: Record<string, unknown> = {}, fields: FieldProblem[] = []) {
    super(422, code, "title.rule-violated", detail, extra, fields);
  }
}
export class ValidationFailed extends DomainError {
  constructor(fields: FieldProblem[], detail: ProblemText = say("fields-invalid")) {
    super(400, "validation", "title.invalid-request", detail, {}, fields);
  }
}
export class LinkExpired extends DomainError {
  constructor(detail: ProblemText = say("link-expired")) {
    super(410, "link-expired", "title.link-expired", detail);
  }
}
export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate-limited", "title.rate-limited", say("rate-limited", { seconds: retryAfterSeconds }));
  }
}

/** 503: the database cannot be reached or answer in time, or this server is shutting down. Nothing is wrong with the request. */
export class Unavailable extends DomainError {
  constructor(
    reason: "database" | "restarting",
    readonly retryAfterSeconds = 5,
  ) {
    super(
      503,
      "unavailable",
      "title.unavailable",
      say(reason === "database" ? "unavailable-database" : "unavailable-restarting"),
    );
  }
}
