import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Serves the built SPA; unknown non-API paths get index.html so client routes deep-link. */
export async function registerSpa(app: FastifyInstance, dist: string) {
  await app.register(fastifyStatic, { root: dist, prefix: "/", wildcard: false, index: ["index.html"] });
  app.get("/*", { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith("/api/")) return reply.callNotFound();
    return reply.type("text/html").sendFile("index.html");
  });
}
