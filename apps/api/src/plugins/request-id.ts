import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * An id a proxy or client already gave the request (`X-Request-Id`) is kept, so one id follows
 * the request through the load balancer's log, ours and the problem answer. It is written into
 * every log line and echoed in a header, so only a short token of safe characters is taken: a
 * longer one, or one with spaces, quotes or control characters (a forged log line), is replaced
 * by a fresh UUID.
 */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && ACCEPTED.test(given) ? given : randomUUID();
}

/** The log field that carries it: the same name as the problem answers' `requestId`. */
export const REQUEST_ID_LOG_LABEL = "requestId";
