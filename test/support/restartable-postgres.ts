import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createDatabase, migrateDatabase, NO_TIMEOUTS } from "@bridgework/db";
import { type EmbeddedServer, startEmbeddedPostgres } from "@bridgework/db/embedded";
import { seedDemo } from "@bridgework/db/seed";

/** An embedded PostgreSQL a test can take away and bring back, on the same port and data. */
export interface RestartablePostgres {
  url: string;
  /** SIGINT to the postmaster (`pg_ctl stop -m fast`): sessions end with 57P01, then a checkpoint. */
  stopFast(): Promise<void>;
  /** SIGKILL to every PostgreSQL process at once, as when the machine dies: no goodbye, crash recovery on start. */
  killHard(): Promise<void>;
  /** Starts it again; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Test cleanup: stops it if it runs. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The postmaster's pid, from its own pid file (present while it runs). */
function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

/** The postmaster's children (backends, checkpointer, WAL writer…), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the name (field 2) may hold spaces, hence after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return children;
}

/** Running: not gone and not a zombie (a killed backend's parent, init in a container, may reap it late). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

export async function startRestartablePostgres(dataDir: string): Promise<RestartablePostgres> {
  const port = await freePort();
  // The caller owns the test process's signals; PostgreSQL is stopped in its afterAll.
  const launch = () => startEmbeddedPostgres({ dataDir, port, database: "bridgework", handleSignals: false });
  let current: EmbeddedServer | null = await launch();
  const url = current.url;
  return {
    url,
    async stopFast() {
      await current?.stop();
      current = null;
    },
    async killHard() {
      const pid = postmasterPid(dataDir);
      if (pid === null) throw new Error("PostgreSQL is not running");
      const all = [pid, ...childrenOf(pid)];
      for (const p of all) process.kill(p, "SIGKILL");
      // Every process gone before a new postmaster may take the shared memory and the port.
      const deadline = Date.now() + 10_000;
      while (all.some(alive)) {
        if (Date.now() > deadline) throw new Error("PostgreSQL processes survived SIGKILL");
        await new Promise((r) => setTimeout(r, 20));
      }
      current = null;
    },
    async start() {
      if (current) return;
      current = await launch();
    },
    async stop() {
      await current?.stop();
      current = null;
    },
  };
}

/**
 * A restartable PostgreSQL in `dataDir`, migrated and loaded with the demo region — with no
 * statement limits while it is set up, so what the test starts next finds a ready database.
 */
export async function startDemoPostgres(dataDir: string): Promise<RestartablePostgres> {
  const postgres = await startRestartablePostgres(dataDir);
  const setup = createDatabase(postgres.url, { max: 2, timeouts: NO_TIMEOUTS });
  try {
    await migrateDatabase(setup.db);
    await seedDemo(setup.db);
  } finally {
    await setup.close();
  }
  return postgres;
}
