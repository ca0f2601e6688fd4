import { districtExports, organizations } from "@bridgework/db";
import { and, eq, inArray } from "drizzle-orm";
import { get, send } from "./access-platform.ts";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";

/** Authorization table, part 4: a district's data in its own hands (export, erase, retention). */

const STAFF_OF_THE_DISTRICT = { intermediary: "region", coordinator: "district" } as const;

/** Waits until the district has no export queued or running, so a new start answers 202 (not the running one's 200). */
async function noExportUnderWay(w: World, districtId: string) {
  for (let i = 0; i < 200; i++) {
    const busy = await w.h.db.db
      .select({ id: districtExports.id })
      .from(districtExports)
      .where(and(eq(districtExports.districtId, districtId), inArray(districtExports.status, ["queued", "running"])));
    if (busy.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("a district export never finished");
}

/** One finished export of the world's district, made once by the Valley intermediary. */
const finished = new WeakMap<World, Promise<string>>();
function finishedExport(w: World): Promise<string> {
  let made = finished.get(w);
  if (!made) {
    made = (async () => {
      await noExportUnderWay(w, w.ids.district);
      const res = await w.h.app.inject({
        ...send("POST", `/api/districts/${w.ids.district}/export`),
        headers: await w.h.as("intermediary@valley.example"),
      });
      const id = res.json<{ id: string }>().id;
      await noExportUnderWay(w, w.ids.district);
      return id;
    })();
    finished.set(w, made);
  }
  return made;
}

/** A fresh district of its own (never the world's) and the typed confirmation its erase needs. */
async function erasableDistrict(w: World) {
  const district = await w.fresh.district();
  const [row] = await w.h.db.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, district.id));
  return { id: district.id, confirm: row!.name };
}

export const districtDataRoutes: RouteEntry[] = [
  {
    route: "POST /api/districts/:id/export",
    access: STAFF_OF_THE_DISTRICT,
    ok: 202,
    table: districtExports,
    async request(w) {
      await noExportUnderWay(w, w.ids.district);
      return send("POST", `/api/districts/${w.ids.district}/export`);
    },
  },
  {
    route: "GET /api/districts/:id/exports",
    access: STAFF_OF_THE_DISTRICT,
    request: (w) => get(`/api/districts/${w.ids.district}/exports`),
  },
  {
    route: "GET /api/districts/:id/exports/:exportId",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) => get(`/api/districts/${w.ids.district}/exports/${await finishedExport(w)}`),
  },
  // The ZIP names the district's students in full: only the district's own staff and the region's intermediary.
  {
    route: "GET /api/districts/:id/exports/:exportId/download",
    access: STAFF_OF_THE_DISTRICT,
    request: async (w) => get(`/api/districts/${w.ids.district}/exports/${await finishedExport(w)}/download`),
  },

  // Erasing a whole district is the region's decision: the intermediary alone, with the name typed.
  {
    route: "POST /api/districts/:id/erase",
    access: { intermediary: "region" },
    ok: 202,
    async request(w) {
      const district = await erasableDistrict(w);
      return send("POST", `/api/districts/${district.id}/erase`, { confirm: district.confirm });
    },
  },
  {
    route: "GET /api/districts/:id/erasures/:erasureId",
    access: { intermediary: "region" },
    async request(w) {
      const district = await erasableDistrict(w);
      const started = await w.h.app.inject({
        ...send("POST", `/api/districts/${district.id}/erase`, { confirm: district.confirm }),
        headers: await w.h.as("intermediary@valley.example"),
      });
      return get(`/api/districts/${district.id}/erasures/${started.json<{ id: string }>().id}`);
    },
  },
];
