import { type WorkerProcess, startWorkerProcess } from "../../../test/support/worker-process.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

export interface Fleet {
  servers: ServerProcess[];
  workers: WorkerProcess[];
  /** SIGKILL whatever is still running (test cleanup). */
  kill(): Promise<void>;
}

/**
 * API processes (the real entry, START_WORKER=0: they fork no worker) and worker processes on
 * one database and Redis, all started at once: on a busy machine each takes tens of seconds to
 * boot, and starting them together is also what a deploy does (they take turns migrating).
 * If any fails to start, the others are killed and the error names it.
 */
export async function startFleet({
  servers,
  workers,
  env,
  serverEnv,
}: {
  servers: number;
  workers: number;
  env: Record<string, string>;
  serverEnv: Record<string, string>;
}): Promise<Fleet> {
  const starting = [
    ...Array.from({ length: servers }, () => startServerProcess({ ...env, ...serverEnv, START_WORKER: "0" })),
    ...Array.from({ length: workers }, () => startWorkerProcess(env, 150_000)),
  ];
  const settled = await Promise.allSettled(starting);
  const fleet: Fleet = {
    servers: settled.slice(0, servers).flatMap((s) => (s.status === "fulfilled" ? [s.value as ServerProcess] : [])),
    workers: settled.slice(servers).flatMap((s) => (s.status === "fulfilled" ? [s.value as WorkerProcess] : [])),
    async kill() {
      await Promise.all([...fleet.servers.map((s) => s.kill()), ...fleet.workers.map((w) => w.kill9())]);
    },
  };
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) {
    await fleet.kill();
    throw failed.reason;
  }
  return fleet;
}
