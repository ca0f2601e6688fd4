#!/usr/bin/env node
// `pnpm start`: build the SPA when its sources are newer than the build, then run the server entry
// (apps/server: starts the database, migrations, demo data, jobs, and the API serving the SPA). Ctrl-C is
// passed on so PostgreSQL shuts down cleanly.
// With NODE_ENV=production it runs the production build instead (`pnpm build`, made first when
// missing): plain `node apps/server/dist/main.js`, no TypeScript loader.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "apps/web");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

if (process.env.NODE_ENV === "production") {
  const outputs = ["apps/server/dist/main.js", "apps/worker/dist/main.js", "apps/web/dist/index.html"];
  if (!outputs.every((output) => existsSync(path.join(root, output)))) {
    console.log("Building for production…");
    const result = spawnSync("pnpm", ["build"], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  run([path.join(root, "apps/server/dist/main.js")]);
} else {
  buildWebIfStale();
  run(["--import", "tsx", path.join(root, "apps/server/src/main.ts")]);
}

function buildWebIfStale() {
  const built = path.join(web, "dist/index.html");
  if (!existsSync(path.join(web, "package.json"))) return;
  const sources = Math.max(newest(path.join(web, "src")), newest(path.join(root, "packages/domain/src")));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.log("Building the web app…");
    const result = spawnSync("pnpm", ["--filter", "@bridgework/web", "build"], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

function run(args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
