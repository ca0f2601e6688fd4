import { PageQuery, pageOf, Problem } from "@bridgework/domain";
import type { JobDriver } from "@bridgework/jobs";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { FailedJob } from "./jobs-admin.queries.ts";
import { listFailedJobs } from "./list-failed-jobs.ts";
import { retryJob } from "./retry-job.ts";

const tags = ["jobs"];

const OutboxParams = z.object({ outboxId: z.uuid() });
const Retried = z.object({ outboxId: z.uuid(), queue: z.string(), outboxStatus: z.literal("pending") });

export async function jobsAdminRoutes(app: App, services: AppServices & { driver: JobDriver }) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/admin/jobs/failed",
    {
      schema: {
        tags,
        summary:
          "Jobs that exhausted their retries: failed outbox rows and the queue's failed jobs, newest first (intermediary)",
        querystring: PageQuery,
        response: { 200: pageOf(FailedJob), ...problemResponses },
      },
    },
    (req) => listFailedJobs({ ctx: ctxFor(req, services), driver: services.driver, input: req.query }),
  );

  app.post(
    "/api/admin/jobs/:outboxId/retry",
    {
      schema: {
        tags,
        summary:
          "Put a failed job back in line: its outbox row becomes pending again, with a fresh set of retries (intermediary)",
        params: OutboxParams,
        response: { 200: Retried, 409: Problem, ...problemResponses },
      },
    },
    (req) => retryJob({ ctx: ctxFor(req, services), driver: services.driver, outboxId: req.params.outboxId }),
  );
}
