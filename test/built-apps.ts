import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** What the server and worker bundles are built from. */
const SOURCES = ["apps/server/src", "apps/worker/src", "apps/api/src", "packages", "scripts/build.mjs"];
const BUNDLES = ["apps/server/dist/main.js", "apps/worker/dist/main.js"];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    newest = Math.max(newest, newestChange(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * Tests that spawn the server or the worker as processes of their own run the bundles
 * (apps/server/dist/main.js, apps/worker/dist/main.js — what production runs) instead of the
 * TypeScript through tsx: a loaded core spends seconds compiling the app at every spawn, and
 * the suite spawns dozens. `pnpm test` builds first; a single file run from an editor gets them
 * rebuilt here (esbuild, about a second) when a source is newer than a bundle.
 */
export function ensureBuiltApps(): void {
  const built = BUNDLES.map((bundle) => path.join(ROOT, bundle));
  const oldest = built.every((bundle) => existsSync(bundle))
    ? Math.min(...built.map((bundle) => statSync(bundle).mtimeMs))
    : 0;
  if (oldest > Math.max(...SOURCES.map((source) => newestChange(path.join(ROOT, source))))) return;
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--apps"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`Building the server and worker bundles failed:\n${run.stdout}${run.stderr}`);
}
