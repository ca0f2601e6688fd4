import type { JobDriver } from "@bridgework/jobs";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import type { AppServices } from "../../lib/context.ts";

const Health = z.object({ status: z.enum(["ok", "degraded"]), database: z.enum(["ok", "down"]), queue: z.enum(["redis", "inline"]), queueUp: z.boolean() });

export async function healthRoutes(app: App, services: AppServices & { driver: JobDriver }) {
  app.get(
    "/api/health",
    { schema: { tags: ["ops"], summary: "Liveness: database and job queue", security: [], response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const database = await services.db
        .execute(sql`select 1`)
        .then(() => "ok" as const)
        .catch(() => "down" as const);
      const queueUp = await services.driver.ping();
      const body = { status: database === "ok" && queueUp ? ("ok" as const) : ("degraded" as const), database, queue: services.driver.kind, queueUp };
      return reply.status(database === "ok" ? 200 : 503).send(body);
    },
  );
}
