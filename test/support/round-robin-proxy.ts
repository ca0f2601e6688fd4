import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyTargetStats {
  url: string;
  /** Requests answered by this target (any status). */
  answered: number;
  /** Requests sent to it that ended in a socket error after they were sent: lost in flight. */
  lost: number;
  /** The socket errors behind `lost` (ECONNRESET, …). */
  lostCodes: string[];
  /** Requests it never took (connection refused) or refused while draining (503 + Retry-After), sent on to the next one. */
  passedOn: number;
  /** Set once it refused a connection or reset one: nothing more is sent to it. */
  down: boolean;
}

export interface RoundRobinProxy {
  url: string;
  targets: ProxyTargetStats[];
  close(): Promise<void>;
}

/**
 * A small load balancer for tests: forwards each request to the next target in turn, with its
 * method, path, headers and body, and the answer back the same way. Like a real one:
 * - a connection refused means the request never reached the target: it goes to the next one,
 *   and the target is taken out of the rotation;
 * - a 503 with Retry-After is a target draining (apps/api/src/plugins/draining.ts answers it
 *   before any handler runs): the request goes to the next one, the target leaves the rotation;
 * - a socket error after the request was sent (the target died mid-request) cannot be retried
 *   safely (a write may have happened): the client gets 502, and it counts as lost.
 * One upstream connection per request (no keep-alive pool), so "in flight" is exact.
 */
export async function startRoundRobinProxy(urls: string[]): Promise<RoundRobinProxy> {
  const targets: ProxyTargetStats[] = urls.map((url) => ({
    url,
    answered: 0,
    lost: 0,
    lostCodes: [],
    passedOn: 0,
    down: false,
  }));
  let next = 0;
  const pick = (tried: Set<ProxyTargetStats>) => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[next++ % targets.length]!;
      if (!target.down && !tried.has(target)) return target;
    }
    return null;
  };

  const forward = (target: ProxyTargetStats, req: http.IncomingMessage, body: Buffer) =>
    new Promise<
      { kind: "answer"; res: http.IncomingMessage; body: Buffer } | { kind: "refused" } | { kind: "lost"; code: string }
    >((resolve) => {
      const upstream = http.request(
        `${target.url}${req.url}`,
        { method: req.method, headers: { ...req.headers, connection: "close" }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ kind: "answer", res, body: Buffer.concat(chunks) }));
          res.on("error", (e: NodeJS.ErrnoException) => resolve({ kind: "lost", code: e.code ?? e.message }));
        },
      );
      upstream.on("error", (e: NodeJS.ErrnoException) =>
        resolve(e.code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "lost", code: e.code ?? e.message }),
      );
      upstream.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const tried = new Set<ProxyTargetStats>();
      for (let target = pick(tried); target; target = pick(tried)) {
        tried.add(target);
        const outcome = await forward(target, req, body);
        if (
          outcome.kind === "refused" ||
          (outcome.kind === "answer" && outcome.res.statusCode === 503 && outcome.res.headers["retry-after"])
        ) {
          target.passedOn++;
          target.down = true;
          continue;
        }
        if (outcome.kind === "lost") {
          target.lost++;
          target.lostCodes.push(outcome.code);
          target.down = true;
          res
            .writeHead(502, { "content-type": "text/plain", "x-proxy-lost": target.url })
            .end(`lost in flight: ${outcome.code}`);
          return;
        }
        target.answered++;
        const headers = { ...outcome.res.headers };
        delete headers["transfer-encoding"];
        delete headers.connection;
        res
          .writeHead(outcome.res.statusCode!, {
            ...headers,
            "content-length": String(outcome.body.length),
            "x-proxy-target": target.url,
          })
          .end(outcome.body);
        return;
      }
      res.writeHead(503, { "content-type": "text/plain" }).end("no instance left");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
