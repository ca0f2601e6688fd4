import fastifyStatic from "@fastify/static";
import path from "node:path";
import type { FastifyInstance } from "fastify";

/** Hashed file names (Vite's assets/): a new build gives new names, so browsers may keep these for good. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serves the built SPA; unknown non-API paths get index.html so client routes deep-link.
 * Files go out as the build's Brotli or gzip copies when the browser accepts them
 * (`preCompressed`; apps/web/vite.config.ts writes them). index.html is revalidated on every
 * visit (`no-cache`), so a deploy reaches everyone at their next page load.
 */
export async function registerSpa(app: FastifyInstance, dist: string) {
  await app.register(fastifyStatic, {
    root: dist,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      res.setHeader("cache-control", filePath.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : "no-cache");
    },
  });
  app.get("/*", { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith("/api/")) return reply.callNotFound();
    return reply.type("text/html").sendFile("index.html");
  });
}
