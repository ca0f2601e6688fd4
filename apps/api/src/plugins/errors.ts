import { DomainError, type FieldError, PROBLEM_BASE, RateLimited } from "@bridgework/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isTransientConflict, isUnstorableText } from "../lib/db-errors.ts";

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

function send(reply: FastifyReply, body: ProblemBody) {
  return reply.status(body.status).type("application/problem+json").send(body);
}

function problem(req: FastifyRequest, status: number, slug: string, title: string, detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  return { type: PROBLEM_BASE + slug, title, status, detail, requestId: req.id, ...extra };
}

/** Fastify's own client errors (bad JSON, wrong content type, too large) keep their status. */
const FASTIFY_CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ["validation", "Invalid request"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  406: ["not-acceptable", "Not acceptable"],
  413: ["payload-too-large", "Payload too large"],
  415: ["unsupported-media-type", "Unsupported media type"],
  429: ["rate-limited", "Too many requests"],
};

/**
 * Every error leaves as RFC 9457 problem+json. Stack traces and internal messages stay in
 * the log; an unknown error is a 500 carrying only the request id.
 */
export function registerErrorHandling(app: FastifyInstance) {
  // A JSON API: Fastify's built-in text/plain parser would hand a string to the JSON schema
  // (400) where the contract says 415. A route that takes another type (CSV import) adds its
  // parser inside its own plugin scope.
  app.removeContentTypeParser("text/plain");
  app.setNotFoundHandler((req, reply) =>
    send(reply, problem(req, 404, "not-found", "Not found", `No route for ${req.method} ${req.url.split("?")[0]}.`)),
  );

  app.setErrorHandler((error: FastifyError | DomainError | Error, req, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimited) reply.header("Retry-After", String(error.retryAfterSeconds));
      return send(reply, problem(req, error.status, error.code, error.title, error.message, error.extra));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? "body";
      const errors = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where,
        message: v.message ?? "Invalid value",
      }));
      return send(reply, problem(req, 400, "validation", "Invalid request", `The ${where} has ${errors.length} invalid field(s).`, { errors }));
    }
    if (isUnstorableText(error)) {
      const errors = [{ path: "body", message: "Text may not contain NUL characters or invalid UTF-8." }];
      return send(reply, problem(req, 400, "validation", "Invalid request", "Some text in the request cannot be stored.", { errors }));
    }
    if (isTransientConflict(error)) {
      req.log.warn({ err: error }, "transaction aborted by the database (deadlock or serialization); the client may retry");
      reply.header("Retry-After", "1");
      return send(reply, problem(req, 503, "busy", "Busy, try again", "Another change to the same records was being saved at the same time. Nothing was saved; send the request again."));
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, issues: error.cause.issues }, "response did not match its schema");
      return send(reply, problem(req, 500, "internal", "Internal error", "Something went wrong on our side. Quote the request id if you report it."));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const [slug, title] = FASTIFY_CLIENT_ERRORS[status] ?? ["bad-request", "Bad request"];
      if (status === 429) {
        const retry = reply.getHeader("retry-after");
        if (retry) reply.header("Retry-After", retry);
      }
      const detail = status === 400 ? "The request body could not be read." : error.message;
      const extra = status === 400 ? { errors: [{ path: "body", message: error.message }] } : {};
      return send(reply, problem(req, status, slug, title, detail, extra));
    }
    req.log.error({ err: error }, "unhandled error");
    return send(reply, problem(req, 500, "internal", "Internal error", "Something went wrong on our side. Quote the request id if you report it."));
  });
}
