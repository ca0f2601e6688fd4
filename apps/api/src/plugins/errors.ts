import {
  DomainError,
  type FieldError,
  type GuardianLanguage,
  pickLanguage,
  PROBLEM_BASE,
  type ProblemKey,
  type ProblemText,
  RateLimited,
  renderProblemText,
  say,
  Unavailable,
} from "@bridgework/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isDatabaseUnavailable, isTransientConflict, isUnstorableText } from "../lib/db-errors.ts";
import { zodFieldErrors } from "../lib/zod-messages.ts";

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

type TitleKey = Extract<ProblemKey, `title.${string}`>;

/** The reader's language: `Accept-Language`, English when it names nothing we speak. */
function languageOf(req: FastifyRequest): GuardianLanguage {
  return pickLanguage(req.headers["accept-language"]);
}

function send(reply: FastifyReply, language: GuardianLanguage, body: ProblemBody) {
  return reply
    .status(body.status)
    .header("Content-Language", language)
    .header("Vary", "Accept-Language")
    .type("application/problem+json")
    .send(body);
}

/** A problem worded in `language`; the type slug and status are the same in every language. */
function problem(
  req: FastifyRequest,
  language: GuardianLanguage,
  status: number,
  slug: string,
  title: TitleKey,
  detail: ProblemText,
  extra: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: PROBLEM_BASE + slug,
    title: renderProblemText(say(title), language),
    status,
    detail: renderProblemText(detail, language),
    requestId: req.id,
    ...extra,
  };
}

/** Fastify's own client errors (bad JSON, wrong content type, too large) keep their status. */
const FASTIFY_CLIENT_ERRORS: Record<number, [string, TitleKey, ProblemText]> = {
  400: ["validation", "title.invalid-request", say("body-unreadable")],
  404: ["not-found", "title.not-found", say("not-found", { what: "resource" })],
  405: ["method-not-allowed", "title.method-not-allowed", say("method-not-allowed")],
  406: ["not-acceptable", "title.not-acceptable", say("not-acceptable")],
  413: ["payload-too-large", "title.payload-too-large", say("payload-too-large")],
  415: ["unsupported-media-type", "title.unsupported-media-type", say("unsupported-media-type")],
  429: ["rate-limited", "title.rate-limited", say("rate-limited-later")],
};

/**
 * Errors the router meets before any route runs (Fastify's `frameworkErrors` option): a path with
 * a broken percent-escape (`%F0%9F`, `%ED%A0%80`) is a 400, a path parameter over the router's
 * length limit a 414, both as problem+json like every other error (Fastify's default is its own JSON).
 */
export function sendFrameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const language = languageOf(req);
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH")
    return send(
      reply,
      language,
      problem(req, language, 414, "uri-too-long", "title.uri-too-long", say("uri-too-long")),
    );
  if (error.code === "FST_ERR_BAD_URL") {
    const errors = [{ path: "params", message: renderProblemText(say("url-unreadable-field"), language) }];
    return send(
      reply,
      language,
      problem(req, language, 400, "validation", "title.invalid-request", say("url-unreadable"), { errors }),
    );
  }
  req.log.error({ err: error }, "router error");
  return send(reply, language, problem(req, language, 500, "internal", "title.internal", say("internal")));
}

/**
 * Every error leaves as RFC 9457 problem+json, worded in the reader's language (`title`,
 * `detail`, our field messages) with `Content-Language`. Stack traces and internal messages stay
 * in the log; an unknown error is a 500 carrying only the request id.
 */
export function registerErrorHandling(app: FastifyInstance) {
  // A JSON API: Fastify's built-in text/plain parser would hand a string to the JSON schema
  // (400) where the contract says 415. A route that takes another type (CSV import) adds its
  // parser inside its own plugin scope.
  app.removeContentTypeParser("text/plain");
  app.setNotFoundHandler((req, reply) => {
    const language = languageOf(req);
    return send(
      reply,
      language,
      problem(
        req,
        language,
        404,
        "not-found",
        "title.not-found",
        say("no-route", { method: req.method, path: req.url.split("?")[0] ?? "" }),
      ),
    );
  });

  app.setErrorHandler((error: FastifyError | DomainError | Error, req, reply) => {
    const language = languageOf(req);
    if (!(error instanceof DomainError) && isDatabaseUnavailable(error)) {
      req.log.error({ err: error }, "database unreachable or too slow: answered 503");
      error = new Unavailable("database");
    }
    if (error instanceof DomainError) {
      if (error instanceof RateLimited || error instanceof Unavailable)
        reply.header("Retry-After", String(error.retryAfterSeconds));
      const errors = error.fields.length > 0 ? { errors: error.fieldErrors(language) } : {};
      return send(
        reply,
        language,
        problem(req, language, error.status, error.code, error.titleKey, error.detail, { ...error.extra, ...errors }),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? "body";
      const errors = zodFieldErrors(error.validation, where, language);
      return send(
        reply,
        language,
        problem(
          req,
          language,
          400,
          "validation",
          "title.invalid-request",
          say("request-part-invalid", { where, count: errors.length }),
          { errors },
        ),
      );
    }
    if (isUnstorableText(error)) {
      const errors = [{ path: "body", message: renderProblemText(say("unstorable-text-field"), language) }];
      return send(
        reply,
        language,
        problem(req, language, 400, "validation", "title.invalid-request", say("unstorable-text"), { errors }),
      );
    }
    if (isTransientConflict(error)) {
      req.log.warn(
        { err: error },
        "transaction aborted by the database (deadlock or serialization); the client may retry",
      );
      reply.header("Retry-After", "1");
      return send(reply, language, problem(req, language, 503, "busy", "title.busy", say("busy")));
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, issues: error.cause.issues }, "response did not match its schema");
      return send(reply, language, problem(req, language, 500, "internal", "title.internal", say("internal")));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const [slug, title, detail] = FASTIFY_CLIENT_ERRORS[status] ?? [
        "bad-request",
        "title.bad-request",
        say("bad-request"),
      ];
      if (status === 429) {
        const retry = reply.getHeader("retry-after");
        if (retry) reply.header("Retry-After", retry);
      }
      // Fastify's own message (a JSON parser's complaint) is not ours: it stays as it is, under the field.
      const extra = status === 400 ? { errors: [{ path: "body", message: error.message }] } : {};
      return send(reply, language, problem(req, language, status, slug, title, detail, extra));
    }
    req.log.error({ err: error }, "unhandled error");
    return send(reply, language, problem(req, language, 500, "internal", "title.internal", say("internal")));
  });
}
