import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** What the process (and the worker it forked) printed so far. */
  output(): string;
  /** Sends a signal; `exited` resolves when the process has ended. */
  signal(signal: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGKILL if it is still running (test cleanup). */
  kill(): Promise<void>;
}

/**
 * What to run: the production bundle (`pnpm build`; the global setup rebuilds it when a source
 * changed, test/built-apps.ts) — the default, as compiling the TypeScript through tsx costs a
 * loaded core seconds at every spawn — or the TypeScript source through tsx (as `pnpm dev`).
 */
const ENTRIES = {
  source: ["--import", "tsx", path.join(ROOT, "apps/server/src/main.ts")],
  build: [path.join(ROOT, "apps/server/dist/main.js")],
} as const;

/**
 * Spawns the server's real entry (the Docker image's CMD `node apps/server/dist/main.js`, which
 * forks the built worker; or with `entry: "source"` the TypeScript through tsx) with only the given
 * environment laid over ours, and waits for its "running at" line. PORT=0: the OS picks a free
 * port, read back from that line.
 */
export async function startServerProcess(
  env: Record<string, string>,
  startTimeoutMs = 150_000,
  entry: keyof typeof ENTRIES = "build",
): Promise<ServerProcess> {
  const inherited = { ...process.env };
  // The test run's own settings must not leak in: the caller says which database and Redis to use.
  for (const name of ["DATABASE_URL", "REDIS_URL", "PORT", "HOST", "SHUTDOWN_TIMEOUT_SECONDS"]) delete inherited[name];
  const child: ChildProcess = spawn(process.execPath, [...ENTRIES[entry]], {
    cwd: ROOT,
    env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in time:\n${output}`));
    }, startTimeoutMs);
    const look = () => {
      const found = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        child.stdout!.off("data", look);
        resolve(Number(found[1]));
      }
    };
    child.stdout!.on("data", look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code}):\n${output}`));
    });
  });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    signal: (signal) => void child.kill(signal),
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
