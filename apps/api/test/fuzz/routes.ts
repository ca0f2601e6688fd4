import { channel } from "node:diagnostics_channel";
import type { FastifyInstance, RouteOptions } from "fastify";
import type { z } from "zod";
import { createHarness, type Harness, type HarnessOptions } from "../harness.ts";

export interface RouteUnderTest {
  method: string;
  url: string;
  body?: z.ZodType;
  params?: z.ZodType;
  querystring?: z.ZodType;
}

/**
 * A harness and every route its app registers, seen through Fastify's `onRoute` hook. The app is
 * built inside the harness, so the hook is added the moment Fastify creates the instance, through
 * its documented `fastify.initialization` diagnostics channel: no test-only option in the app.
 * HEAD twins of GET routes and the Swagger UI's own routes are left out.
 */
export async function harnessWithRoutes(
  options: HarnessOptions = {},
): Promise<{ h: Harness; routes: RouteUnderTest[] }> {
  const routes: RouteUnderTest[] = [];
  const init = channel("fastify.initialization");
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook("onRoute", (route: RouteOptions) => {
      const schema = (route.schema ?? {}) as { body?: z.ZodType; params?: z.ZodType; querystring?: z.ZodType };
      for (const method of [route.method].flat()) {
        if (method === "HEAD" || route.url.startsWith("/api/docs")) continue;
        routes.push({
          method,
          url: route.url,
          body: schema.body,
          params: schema.params,
          querystring: schema.querystring,
        });
      }
    });
  };
  init.subscribe(onInit);
  let h: Harness;
  try {
    h = await createHarness(options);
  } finally {
    init.unsubscribe(onInit);
  }
  routes.sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
  return { h, routes };
}

export const isWrite = (r: RouteUnderTest) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method);
export const routeName = (r: RouteUnderTest) => `${r.method} ${r.url}`;
