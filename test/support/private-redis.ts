import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

export interface PrivateRedis {
  url: string;
  /** A client for the test (FLUSHALL, inspection). */
  client: Redis;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A Redis server of the test's own (redis-server on a free port, nothing persisted), for tests
 * that FLUSHALL: on the shared REDIS_URL that would wipe the queues of every other test file
 * running at the same time. Needs `redis-server` on the PATH (it comes with Redis).
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let failed: Error | null = null;
  child.once("error", (error) => (failed = error));
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  client.on("error", () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (failed || child.exitCode !== null)
      throw new Error(
        `redis-server did not start (${failed ?? `exit ${child.exitCode}`}): the FLUSHALL test needs Redis installed (redis-server on the PATH).`,
      );
    try {
      await client.connect();
      if ((await client.ping()) === "PONG") break;
    } catch {
      client.disconnect();
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      child.kill("SIGTERM");
      await exited;
    },
  };
}
