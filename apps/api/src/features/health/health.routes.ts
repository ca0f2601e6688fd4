import type { JobDriver } from "@bridgework/jobs";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import type { AppServices } from "../../lib/context.ts";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["ok", "down"]),
  queue: z.enum(["redis", "inline"]),
  queueUp: z.boolean(),
});

/**
 * A load balancer's probe must get an answer quickly even when the database hangs (packets
 * dropped: the pool would wait its whole connect timeout), so each check gets this long.
 */
export const HEALTH_CHECK_TIMEOUT_MS = 1500;

/** The check's outcome, or `fallback` if it fails or has not answered in time. */
function within<T>(check: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), HEALTH_CHECK_TIMEOUT_MS);
  });
  return Promise.race([check.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

export async function healthRoutes(app: App, services: AppServices & { driver: JobDriver }) {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["ops"],
        summary: "Liveness: database and job queue",
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const [database, queueUp] = await Promise.all([
        within(
          services.db.execute(sql`select 1`).then(() => "ok" as const),
          "down" as const,
        ),
        within(services.driver.ping(), false),
      ]);
      const body = {
        status: database === "ok" && queueUp ? ("ok" as const) : ("degraded" as const),
        database,
        queue: services.driver.kind,
        queueUp,
      };
      return reply.status(database === "ok" ? 200 : 503).send(body);
    },
  );
}
