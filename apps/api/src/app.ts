import helmet from "helmet";
import type { Db } from "@bridgework/db";
import type { JobDriver } from "@bridgework/jobs";
import Fastify, { type FastifyServerOptions, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { auditRoutes } from "./features/audit/audit.routes.ts";
import { authRoutes } from "./features/auth/auth.routes.ts";
import { devMailboxRoutes } from "./features/dev-mailbox/dev-mailbox.routes.ts";
import { healthRoutes } from "./features/health/health.routes.ts";
import { invitationRoutes } from "./features/invitations/invitation.routes.ts";
import { organizationRoutes } from "./features/organizations/organization.routes.ts";
import { pathwayRoutes } from "./features/pathways/pathway.routes.ts";
import { userRoutes } from "./features/users/user.routes.ts";
import { regionRoutes } from "./features/regions/regions.routes.ts";
import { opportunityRoutes } from "./features/opportunities/opportunity.routes.ts";
import { requestRoutes } from "./features/requests/request.routes.ts";
import { matchRoutes } from "./features/matches/match.routes.ts";
import { suggestionRoutes } from "./features/suggestions/suggestion.routes.ts";
import { employerRelationshipRoutes } from "./features/employer-relationship/employer-relationship.routes.ts";
import { reportRoutes } from "./features/reports/reports.routes.ts";
import { exportRoutes } from "./features/exports/exports.routes.ts";
import { selfAssessmentRoutes } from "./features/self-assessment/self-assessment.routes.ts";
import { templateRoutes } from "./features/templates/template.routes.ts";
import { placementRoutes } from "./features/placements/placement.routes.ts";
import { placementLinkRoutes } from "./features/placements/placement-links.routes.ts";
import { signingRoutes } from "./features/signing/signing.routes.ts";
import { insuranceRoutes } from "./features/insurance/insurance.routes.ts";
import { studentRoutes } from "./features/students/student.routes.ts";
import { jobsAdminRoutes } from "./features/jobs-admin/jobs-admin.routes.ts";
import { calendarRoutes } from "./features/calendar/calendar.routes.ts";
import { districtExportRoutes } from "./features/district-data/district-export.routes.ts";
import { districtEraseRoutes } from "./features/district-data/district-erase.routes.ts";
import { identityProviderRoutes } from "./features/single-sign-on/identity-provider.routes.ts";
import { signInRoutes } from "./features/single-sign-on/sign-in.routes.ts";
import { recognitionRoutes } from "./features/recognition/recognition.routes.ts";
import { employerInterestRoutes } from "./features/employer-interest/employer-interest.routes.ts";
import { employerVettingRoutes } from "./features/employer-vetting/employer-vetting.routes.ts";
import { eventRoutes } from "./features/events/events.routes.ts";
import { eventSignupRoutes } from "./features/event-signup/event-signup.routes.ts";
import { eventDayRoutes, volunteerLinkRoutes } from "./features/event-day/event-day.routes.ts";
import type { App } from "./lib/app-types.ts";
import { type Clock, systemClock } from "./lib/clock.ts";
import type { AppServices } from "./lib/context.ts";
import { createCatalog } from "./lib/catalog/catalog.ts";
import { createRegionCache, type RegionCache } from "./lib/region-cache.ts";
import { registerAuth } from "./plugins/auth.ts";
import { registerDraining } from "./plugins/draining.ts";
import { registerErrorHandling, sendFrameworkError } from "./plugins/errors.ts";
import { registerNoStore } from "./plugins/no-store.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerTextInputGuard } from "./plugins/text-input.ts";
import { registerSpa } from "./plugins/spa.ts";
import { REQUEST_ID_LOG_LABEL, requestIdFor } from "./plugins/request-id.ts";
import { eventScheduleRoutes } from "./features/event-schedule/event-schedule.routes.ts";

export interface BuildAppOptions {
  config: Config;
  db: Db;
  driver: JobDriver;
  clock?: Clock;
  /** Called after a request commits outbox rows. */
  kick?: () => void;
  logger?: FastifyServerOptions["logger"];
  /** Defaults to one listening on the database's own pool, closed with the app. */
  regionCache?: RegionCache;
  /** Told of every answered request (the metrics of `apps/server`); nothing is measured when unset. */
  observeRequest?: (sample: RequestSample) => void;
}

/** One answered request, by the route's pattern (`/api/matches/:id`; `unmatched` when none matched), never its URL. */
export interface RequestSample {
  method: string;
  route: string;
  status: number;
  seconds: number;
}

/** Logs carry request ids but never credentials or bodies (which may hold student data). */
export const LOG_REDACT = ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'];

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Fastify accepts a boolean, hop count or address list here; the cast only picks the HTTP/1 overload.
    trustProxy: options.config.trustProxy as boolean,
    // X-Request-Id is read by requestIdFor (kept only when well-formed), not by Fastify as is.
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: REQUEST_ID_LOG_LABEL }),
    ajv: undefined,
    // On close, idle keep-alive connections go at once; requests arriving while closing get our
    // problem+json 503 instead of Fastify's plain one (plugins/draining.ts).
    forceCloseConnections: "idle",
    return503OnClosing: false,
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  const observe = options.observeRequest;
  if (observe) {
    app.addHook("onResponse", (req, reply, done) => {
      observe({
        method: req.method,
        route: req.routeOptions.url ?? "unmatched",
        status: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
      });
      done();
    });
  }

  const regionCache = options.regionCache ?? createRegionCache(options.db);
  const services: AppServices & { driver: JobDriver } = {
    db: options.db,
    clock: options.clock ?? systemClock,
    config: options.config,
    kick: options.kick ?? (() => {}),
    driver: options.driver,
    regionCache,
    catalog: createCatalog(options.db, regionCache),
  };
  if (!options.regionCache) app.addHook("onClose", () => services.regionCache.close());
  // Read your own writes: a person's change has committed by the time its answer is sent, so
  // their region's cached answers go now rather than when the change's notification comes back.
  app.addHook("onSend", async (req) => {
    if (req.method !== "GET" && req.method !== "HEAD" && req.actor) services.regionCache.changed(req.actor.regionId);
  });
  app.decorate("regionCache", services.regionCache);

  registerErrorHandling(app);
  registerDraining(app);
  registerTextInputGuard(app);
  // Security headers (CSP, HSTS, nosniff, frame and referrer policies), built once: the Fastify
  // plugin rebuilt the helmet middleware, CSP parsing included, on every request (~8% of CPU).
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
  });
  app.addHook("onRequest", (req, reply, done) =>
    secureHeaders(req.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined)),
  );
  registerNoStore(app);
  await registerAuth(app, options.config.jwtSecret);
  await registerOpenApi(app, options.config.publicUrl);

  await app.register(async (scope) => healthRoutes(scope as App, services));
  await app.register(async (scope) => authRoutes(scope as App, services));
  await app.register(async (scope) => invitationRoutes(scope as App, services));
  await app.register(async (scope) => organizationRoutes(scope as App, services));
  await app.register(async (scope) => userRoutes(scope as App, services));
  await app.register(async (scope) => regionRoutes(scope as App, services));
  await app.register(async (scope) => pathwayRoutes(scope as App, services));
  await app.register(async (scope) => auditRoutes(scope as App, services));
  await app.register(async (scope) => opportunityRoutes(scope as App, services));
  await app.register(async (scope) => requestRoutes(scope as App, services));
  await app.register(async (scope) => matchRoutes(scope as App, services));
  await app.register(async (scope) => suggestionRoutes(scope as App, services));
  await app.register(async (scope) => reportRoutes(scope as App, services));
  await app.register(async (scope) => exportRoutes(scope as App, services));
  await app.register(async (scope) => selfAssessmentRoutes(scope as App, services));
  await app.register(async (scope) => templateRoutes(scope as App, services));
  await app.register(async (scope) => placementRoutes(scope as App, services));
  await app.register(async (scope) => placementLinkRoutes(scope as App, services));
  await app.register(async (scope) => signingRoutes(scope as App, services));
  await app.register(async (scope) => districtEraseRoutes(scope as App, services));
  await app.register(async (scope) => insuranceRoutes(scope as App, services));
  await app.register(async (scope) => studentRoutes(scope as App, services));
  await app.register(async (scope) => jobsAdminRoutes(scope as App, services));
  await app.register(async (scope) => calendarRoutes(scope as App, services));
  await app.register(async (scope) => districtExportRoutes(scope as App, services));
  await app.register(async (scope) => identityProviderRoutes(scope as App, services));
  await app.register(async (scope) => signInRoutes(scope as App, services));
  await app.register(async (scope) => recognitionRoutes(scope as App, services));
  await app.register(async (scope) => employerInterestRoutes(scope as App, services));
  await app.register(async (scope) => employerVettingRoutes(scope as App, services));
  await app.register(async (scope) => eventSignupRoutes(scope as App, services));
  await app.register(async (scope) => employerRelationshipRoutes(scope as App, services));
  await app.register(async (scope) => eventRoutes(scope as App, services));
  await app.register(async (scope) => eventScheduleRoutes(scope as App, services));
  await app.register(async (scope) => eventDayRoutes(scope as App, services));
  await app.register(async (scope) => volunteerLinkRoutes(scope as App, services));
  if (!options.config.smtpUrl && !options.config.production) {
    await app.register(async (scope) => devMailboxRoutes(scope as App, services));
  }
  if (options.config.webDist) await registerSpa(app, options.config.webDist);
  return app;
}
