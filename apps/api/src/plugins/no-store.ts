import type { FastifyInstance } from "fastify";

/** Public, cacheable and free of personal data: the OpenAPI document and its browsable docs (with their assets). */
const PUBLIC = /^\/api\/(openapi\.json|docs)(\/|\?|$)/;

/**
 * Every API answer may carry student, guardian or staff data (a problem's `detail` can name a
 * student, too), so none may be kept by a browser, a proxy or a shared computer's cache:
 * `Cache-Control: no-store` on every `/api` response, whatever its status, except the public
 * documentation. A route may say more (`private, no-store`) but never less: any value without
 * `no-store` (a `max-age`) is replaced.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook("onSend", async (req, reply, payload) => {
    if (!req.url.startsWith("/api/") || PUBLIC.test(req.url)) return payload;
    const current = reply.getHeader("cache-control");
    if (typeof current !== "string" || !/\bno-store\b/i.test(current)) reply.header("cache-control", "no-store");
    return payload;
  });
}
