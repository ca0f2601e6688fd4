import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { seedDemo } from "@bridgework/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../../apps/server/test/server-process.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { eventually } from "../support/eventually.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../support/redis.ts";
import { startTestSmtp, type TestSmtp } from "../support/smtp.ts";

/**
 * The production build as production runs it: `NODE_ENV=production node apps/server/dist/main.js`
 * (the Docker image's CMD) on a real PostgreSQL, Redis and SMTP server, with no TypeScript loader
 * anywhere in its process tree (the worker it forks included). Runs on the output of `pnpm build`,
 * which the root `pnpm test` script makes first.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILT = [
  "apps/server/dist/main.js",
  "apps/server/dist/migrations",
  "apps/worker/dist/main.js",
  "apps/web/dist/index.html",
];
const missing = BUILT.filter((output) => !existsSync(path.join(ROOT, output)));
if (missing.length > 0)
  throw new Error(
    `No production build (${missing.join(", ")} missing): run \`pnpm build\` first (\`pnpm test\` does).`,
  );

const DEMO_PASSWORD = "bridgework-demo";
const prefix = uniqueQueuePrefix();
let database: TestDatabase;
let smtp: TestSmtp;
let server: ServerProcess;
/** The worker the built server forked: it must not outlive the test (a SIGKILLed parent would orphan it). */
let forkedWorker: number | undefined;

const environment = () => ({
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl(),
  QUEUE_PREFIX: prefix,
  SMTP_URL: smtp.url,
  PUBLIC_URL: "http://bridgework.test",
  JWT_SECRET: "production-build-test-secret-production-build-test-secret",
  SWEEP_INTERVAL_SECONDS: "3600",
});

beforeAll(async () => {
  [database, smtp] = await Promise.all([createTestDatabase(), startTestSmtp()]);
  server = await startServerProcess(environment(), 120_000, "build");
});
afterAll(async () => {
  await server?.kill();
  if (forkedWorker !== undefined && existsSync(`/proc/${forkedWorker}`)) process.kill(forkedWorker, "SIGKILL");
  await smtp?.close();
  await database?.destroy();
  await deleteQueueKeys(prefix);
});

/** The process and every descendant, from each process's parent in /proc/<pid>/stat. */
function processTree(rootPid: number): Array<{ pid: number; command: string }> {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (command) state ppid …": the command may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  const tree: Array<{ pid: number; command: string }> = [];
  const visit = (pid: number) => {
    try {
      tree.push({ pid, command: readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim() });
    } catch {
      return;
    }
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree;
}

const login = (email: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });

describe("the built server (node apps/server/dist/main.js, NODE_ENV=production)", () => {
  it("runs the built server and the built worker it forks, with no TypeScript loader in the process tree", async () => {
    const tree = await eventually(
      async () => {
        const found = processTree(server.pid);
        return found.some((p) => p.command.includes("apps/worker/dist/main.js")) ? found : undefined;
      },
      30_000,
      "the forked worker",
    );
    expect(tree[0]!.command).toBe(`${process.execPath} ${path.join(ROOT, "apps/server/dist/main.js")}`);
    for (const { command } of tree) expect(command).not.toMatch(/tsx/);
    forkedWorker = tree.find((p) => p.command.includes("apps/worker/dist/main.js"))!.pid;
  });

  it("answers /api/health and serves the built SPA at /", async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok", queue: "redis" });
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(readFileSync(path.join(ROOT, "apps/web/dist/index.html"), "utf8"));
    // A client route deep-links to the same page.
    expect(await (await fetch(`${server.url}/placements`)).text()).toBe(
      readFileSync(path.join(ROOT, "apps/web/dist/index.html"), "utf8"),
    );
  });

  it("loads no demo data; people put in the database sign in, and the built worker emails them", async () => {
    expect((await login("intermediary@valley.example")).status).toBe(401);
    await seedDemo(database.db);
    const res = await login("intermediary@valley.example");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { accessToken: string }).accessToken).toBeTruthy();
    // The email templates (React Email) are bundled into the worker: a reset link arrives through SMTP.
    const asked = await fetch(`${server.url}/api/auth/password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "teacher@valley.example" }),
    });
    expect(asked.status).toBe(204);
    const [mail] = await smtp.waitForMessages(1, 20_000);
    expect(mail!.subject).toBe("Reset your Bridgework password");
    expect(mail!.text).toContain("http://bridgework.test/");
  });

  it("stops on SIGTERM with exit code 0, the worker it forked with it", async () => {
    server.signal("SIGTERM");
    const { code } = await server.exited;
    expect(code, server.output()).toBe(0);
    // The server waits for the worker's own graceful exit before its own.
    expect(existsSync(`/proc/${forkedWorker}`)).toBe(false);
  });
});

describe("the built worker (node apps/worker/dist/main.js)", () => {
  it("starts, and on SIGTERM stops with exit code 0", async () => {
    const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "apps/worker/dist/main.js")], {
      cwd: ROOT,
      env: { ...process.env, ...environment(), LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await eventually(
        async () => (output.includes('"msg":"worker started"') ? true : undefined),
        30_000,
        `"worker started" in:\n${output}`,
      );
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"worker stopped"');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
