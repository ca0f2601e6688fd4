import type { App } from "../../src/lib/app-types.ts";

/**
 * Every route Fastify registered, as "METHOD /path" exactly as registered ("GET /api/placements/:id").
 * Read from `printRoutes`' tree (each line is a path segment under its parent, indented by four
 * characters per level). HEAD routes are left out: Fastify adds one to every GET and it answers
 * as the GET does.
 */
export function registeredRoutes(app: App): string[] {
  const routes: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? "") + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? "").split(", ").filter(Boolean)) {
      if (method !== "HEAD") routes.push(`${method} ${path}`);
    }
  }
  return [...new Set(routes)].sort();
}
