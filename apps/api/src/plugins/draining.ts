import { Unavailable } from "@bridgework/domain";
import type { FastifyInstance } from "fastify";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Answer every new request 503 `unavailable` with Retry-After from now on, while still
     * listening: the load balancer sees it (health checks, or the 503 itself) and sends the
     * traffic elsewhere before `app.close()` closes the port (SHUTDOWN_DRAIN_DELAY_SECONDS).
     */
    startDraining(): void;
  }
}

/**
 * Graceful close (`app.close()`, on SIGTERM): the listening socket closes and idle keep-alive
 * connections are closed at once (Fastify's `forceCloseConnections: "idle"`); requests already
 * running finish normally. Two gaps are closed here:
 * - a response finished while closing says `Connection: close`, so its keep-alive connection
 *   ends with it instead of holding the close until the keep-alive timeout;
 * - a request that still arrives on an open keep-alive connection is answered 503 `unavailable`
 *   problem+json with Retry-After (Fastify's own 503 is plain JSON), so the client retries on
 *   another instance.
 */
export function registerDraining(app: FastifyInstance) {
  let closing = false;
  app.decorate("startDraining", () => {
    closing = true;
  });
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onRequest", async (req, reply) => {
    if (!closing) return;
    reply.header("Connection", "close");
    throw new Unavailable("restarting", 1);
  });
  app.addHook("onSend", async (_req, reply) => {
    if (closing) reply.header("Connection", "close");
  });
}
