import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface MetricsListenOptions {
  port: number;
  host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
}

export interface MetricsServer {
  /** `http://host:port/metrics`, with the port actually bound (0 asks for a free one). */
  url: string;
  close(): Promise<void>;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * `GET /metrics` on a port of its own, never the public one: the operator decides who reaches it
 * (bind it to a private interface, or keep the port out of the load balancer), and a token can be
 * asked on top. Anything else on this port is 404.
 */
export async function serveMetrics(registry: Registry, options: MetricsListenOptions): Promise<MetricsServer> {
  const expected = options.token ? digest(`Bearer ${options.token}`) : null;
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found: metrics are at GET /metrics\n");
      return;
    }
    // Compared as digests so the time taken says nothing about how much of the token was right.
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) {
      res
        .writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' })
        .end("A bearer token is required (METRICS_TOKEN).\n");
      return;
    }
    registry.metrics().then(
      (text) =>
        res
          .writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" })
          .end(req.method === "HEAD" ? undefined : text),
      (error: unknown) =>
        res
          .writeHead(500, { "content-type": "text/plain" })
          .end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  // A scraper keeping its connection open must not hold up the process's shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
