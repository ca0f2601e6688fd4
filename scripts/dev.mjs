#!/usr/bin/env node
// `pnpm dev`: the API (tsx watch, restarts on change) and the Vite dev server (hot reload,
// proxying /api to the API) side by side. Open http://localhost:5173. Ctrl-C stops both and
// waits for the API, so the embedded PostgreSQL shuts down cleanly; a second Ctrl-C forces it.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "apps/web");
const apiPort = process.env.API_PORT ?? process.env.PORT ?? "3000";
const webPort = process.env.WEB_PORT ?? "5173";

const resolveFrom = (dir, specifier) => createRequire(path.join(dir, "package.json")).resolve(specifier);
const tsxCli = resolveFrom(root, "tsx/cli");
const viteCli = path.join(path.dirname(resolveFrom(web, "vite/package.json")), "bin/vite.js");

const colors = { api: "\x1b[36m", web: "\x1b[35m" };
function prefixed(name, stream, out) {
  let rest = "";
  stream.on("data", (chunk) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`${colors[name]}${name.padEnd(3)}\x1b[0m │ ${line}\n`);
  });
  stream.on("end", () => rest && out.write(`${colors[name]}${name}\x1b[0m │ ${rest}\n`));
}

const children = new Map();
function run(name, args, options) {
  const child = spawn(process.execPath, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  prefixed(name, child.stdout, process.stdout);
  prefixed(name, child.stderr, process.stderr);
  children.set(name, child);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the other one.`);
      stop("SIGTERM", code ?? 1);
    } else if (children.size === 0) process.exit(exitCode);
  });
  return child;
}

let stopping = false;
let exitCode = 0;
function stop(signal, code = 0) {
  if (stopping) {
    for (const child of children.values()) child.kill("SIGKILL");
    return;
  }
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) child.kill(signal);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

// Links in emails (invitations, signing) should open the dev server, where the SPA hot-reloads.
run("api", [tsxCli, "watch", "--clear-screen=false", "apps/server/src/main.ts"], {
  cwd: root,
  env: { ...process.env, PORT: apiPort, PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${webPort}` },
});
run("web", [viteCli, "--port", webPort, "--strictPort"], {
  cwd: web,
  env: { ...process.env, API_PORT: apiPort, WEB_PORT: webPort },
});
console.log(`Bridgework dev: open http://localhost:${webPort} (API on ${apiPort}). Ctrl-C stops both.`);
