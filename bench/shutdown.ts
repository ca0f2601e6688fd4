/**
 * `pnpm bench shutdown`: SIGTERM to the real server process (DATABASE_URL + REDIS_URL, a forked
 * worker) in the middle of an autocannon load, and what the clients saw: the requests in flight
 * at the signal and how they ended, 503s on keep-alive connections while draining, socket
 * errors (resets would mean cut-off requests; refusals are new connections after the listening
 * socket closed), the exit code and how long the process took to exit.
 * Flags: --connections=64 --signal-after=4 (seconds) --duration=10.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { startServerProcess } from "../apps/server/test/server-process.ts";

function flag(args: string[], name: string, fallback: number): number {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split("=")[1]) : fallback;
}

export async function run(args: string[]) {
  const adminUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!adminUrl || !redisUrl) throw new Error("bench shutdown needs DATABASE_URL (an admin connection) and REDIS_URL");
  const connections = flag(args, "connections", 64);
  const signalAfterMs = flag(args, "signal-after", 4) * 1000;
  const durationS = flag(args, "duration", 10);

  const name = `bw_shutdown_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const server = await startServerProcess({
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bw-bench-${name}`,
      JWT_SECRET: "bench-shutdown-secret-bench-shutdown-secret",
      PUBLIC_URL: "http://bridgework.test",
      SWEEP_INTERVAL_SECONDS: "3600",
      LOG_LEVEL: "warn",
    });
    const loginRes = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "intermediary@valley.example", password: "bridgework-demo" }),
    });
    const { accessToken } = (await loginRes.json()) as { accessToken: string };

    const responses: Array<{ start: number; end: number; status: number }> = [];
    const errors: Array<{ at: number; code: string }> = [];
    let signalAt = 0;
    let loadDone!: () => void;
    const loaded = new Promise<void>((resolve) => (loadDone = resolve));
    const instance = autocannon(
      {
        url: `${server.url}/api/organizations?q=Valley`,
        connections,
        duration: durationS,
        headers: { authorization: `Bearer ${accessToken}` },
      },
      () => loadDone(),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      const end = Date.now();
      responses.push({ start: end - responseTime, end, status });
    });
    instance.on("reqError", (error: NodeJS.ErrnoException) =>
      errors.push({ at: Date.now(), code: error.code ?? error.message }),
    );
    setTimeout(() => {
      signalAt = Date.now();
      server.signal("SIGTERM");
    }, signalAfterMs);
    const [, exit] = await Promise.all([loaded, server.exited]);

    const before = responses.filter((r) => r.end < signalAt);
    const inFlight = responses.filter((r) => r.start <= signalAt && r.end >= signalAt);
    const afterSignal = responses.filter((r) => r.start > signalAt);
    const count = (list: typeof responses, status: number) => list.filter((r) => r.status === status).length;
    const errorCodes = (from: number, to: number) =>
      Object.entries(
        errors
          .filter((e) => e.at >= from && e.at <= to)
          .reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.code]: (acc[e.code] ?? 0) + 1 }), {}),
      );
    console.log(`connections ${connections}, SIGTERM after ${signalAfterMs / 1000} s of load`);
    console.log(
      `before the signal: ${before.length} responses (${count(before, 200)} × 200), errors: ${JSON.stringify(errorCodes(0, signalAt - 1))}`,
    );
    console.log(
      `in flight at the signal: ${inFlight.length} → ${count(inFlight, 200)} × 200, ${inFlight.length - count(inFlight, 200)} other`,
    );
    console.log(
      `sent on open keep-alive connections while draining: ${afterSignal.length} → ${count(afterSignal, 503)} × 503 unavailable, ${count(afterSignal, 200)} × 200`,
    );
    console.log(
      `socket errors from the signal to the exit: ${JSON.stringify(errorCodes(signalAt, exit.at))}; after the exit: ${JSON.stringify(errorCodes(exit.at + 1, Infinity))}`,
    );
    console.log(`exit code ${exit.code} after ${((exit.at - signalAt) / 1000).toFixed(2)} s`);
    if (exit.code !== 0) console.log(server.output());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
