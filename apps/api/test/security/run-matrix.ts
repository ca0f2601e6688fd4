import { afterAll, beforeAll, describe, it } from "vitest";
import { IDENTITY_NAMES } from "./identities.ts";
import { expectedFor, type RouteEntry, runCell } from "./matrix.ts";
import { createWorld, type World } from "./world.ts";

/** One visible test per route × identity, all in one world (one harness per file). */
export function describeMatrix(title: string, entries: RouteEntry[]) {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  }, 60_000);
  afterAll(() => w.h.close());

  const cells = entries.flatMap((entry) =>
    IDENTITY_NAMES.map((who) => ({ entry, who, route: entry.route, status: expectedFor(entry, who).status })),
  );
  describe(title, () => {
    it.each(cells)("$route as $who → $status", async ({ entry, who }) => {
      await runCell(w, entry, who);
    });
  });
}
