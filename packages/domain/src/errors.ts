/**
 * The one error family every layer throws. The API maps each to RFC 9457 problem+json;
 * `code` becomes the problem type slug.
 */
export const PROBLEM_BASE = "https://bridgework.dev/problems/";

export type ConflictCode = "conflict" | "seats-unavailable" | "invalid-transition" | "duplicate";
export type RuleCode =
  | "rule-violation"
  | "under-minimum-age"
  | "paperwork-incomplete"
  | "outside-window"
  | "ask-limit-reached"
  | "unknown-time-zone";

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = "DomainError";
  }
}

export class NotFound extends DomainError {
  constructor(what = "resource") {
    super(404, "not-found", "Not found", `The ${what} does not exist or is not visible to you.`);
  }
}
export class Unauthenticated extends DomainError {
  constructor(detail = "Log in to continue.") {
    super(401, "unauthenticated", "Not logged in", detail);
  }
}
export class Forbidden extends DomainError {
  constructor(detail = "Your role may not do this.") {
    super(403, "forbidden", "Forbidden", detail);
  }
}
export class Conflict extends DomainError {
  constructor(code: ConflictCode, detail: string, extra: Record<string, unknown> = {}) {
    super(409, code, "Conflict", detail, extra);
  }
}
export class InvalidTransition extends Conflict {
  constructor(entity: string, from: string, action: string) {
    super("invalid-transition", `This ${entity} is ${from} and cannot be ${action}.`, { from, action });
  }
}
export class RuleViolation extends DomainError {
  constructor(code: RuleCode, detail: string, extra: Record<string, unknown> = {}) {
    super(422, code, "Rule violated", detail, extra);
  }
}
export class ValidationFailed extends DomainError {
  constructor(errors: FieldError[], detail = "Some fields are not valid.") {
    super(400, "validation", "Invalid request", detail, { errors });
  }
}
export class LinkExpired extends DomainError {
  constructor(detail = "This link has already been used, has expired or was revoked.") {
    super(410, "link-expired", "Link no longer valid", detail);
  }
}
export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate-limited", "Too many requests", `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}
