/**
 * `pnpm bench [name …] [--flags]` runs the named benchmarks, or every one registered here.
 * A benchmark is a module under bench/ exporting `run(args)`; add it to the registry below.
 */
type Bench = { run(args: string[]): Promise<void> };

const registry: Record<string, () => Promise<Bench>> = {
  reports: () => import("./reports.ts"),
  brokering: () => import("./brokering.ts"),
  erase: () => import("./erase.ts"),
  shutdown: () => import("./shutdown.ts"),
  events: () => import("./events.ts"),
  lighthouse: () => import("./lighthouse.ts"),
};

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith("--"));
const unknown = names.filter((n) => !(n in registry));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(registry).join(", ")}`);
  process.exit(2);
}
for (const name of names.length ? names : Object.keys(registry)) {
  console.log(`\n=== bench: ${name} ===`);
  await (await registry[name]!()).run(args.filter((a) => a.startsWith("--")));
}
process.exit(0);
