import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface WorkerProcess {
  pid: number;
  /** What the process printed so far (for failure messages). */
  output(): string;
  /** SIGKILL: no shutdown code runs, as when a machine or container dies. Resolves on exit. */
  kill9(): Promise<void>;
  /** SIGTERM, as an orchestrator would; resolves with the exit code (SIGKILL after 10 s). */
  stop(): Promise<number | null>;
}

/**
 * Spawns the worker's bundle (apps/worker/dist/main.js, rebuilt by the global setup when a source
 * changed — test/built-apps.ts) as production runs it and waits for its "ready" message. Never
 * leaves a stray process: a worker that does not start in time is killed.
 */
export async function startWorkerProcess(env: Record<string, string>, startTimeoutMs = 60_000): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "apps/worker/dist/main.js")], {
    cwd: ROOT,
    // NODE_ENV=production as deployed: React (the emails' HTML) runs its production build, which
    // renders several times faster than the development one the worker would otherwise load.
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`worker did not start in time:\n${output}`));
    }, startTimeoutMs);
    child.once("message", (m) => {
      if (m === "ready") {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited early (${code}):\n${output}`));
    });
  });
  let stopping: Promise<number | null> | null = null;
  return {
    pid: child.pid!,
    output: () => output,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      stopping ??= (async () => {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        const code = await exited;
        clearTimeout(timer);
        return code;
      })();
      return stopping;
    },
  };
}
