import { createHash, randomBytes } from "node:crypto";
import { employerInterests } from "@bridgework/db";
import type { InjectOptions } from "fastify";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";
import { WORLD_NOW } from "./world.ts";

/** Authorization table: the public "Get involved" page (no login; the emailed link confirms). */

let address = 0;
/** Each submission from its own address and email, so the per-address and per-email limits never answer instead of the route. */
const fresh = () => ++address;

const interestForm = (i: number) => ({
  companyName: `Matrix Robotics ${i}`,
  companySize: "10-49",
  city: "Fresno",
  postalCode: "93721",
  sectors: ["Manufacturing and Product Development"],
  contact: { name: "Lucía Gómez", email: `contact.${i}@matrix-robotics.example` },
  language: "es",
  ways: ["class_talk"],
});

/** An unconfirmed Valley submission and the token of its emailed link. */
async function freshConfirmToken(w: World): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await w.h.db.db.insert(employerInterests).values({
    regionId: w.ids.valley,
    companyName: "Matrix Robotics",
    contactName: "Lucía Gómez",
    contactEmail: `confirm.${fresh()}@matrix-robotics.example`,
    ways: ["tour"],
    ip: "203.0.113.10",
    confirmTokenHash: createHash("sha256").update(token).digest("hex"),
    confirmExpiresAt: new Date(WORLD_NOW.getTime() + 7 * 24 * 3600_000),
  });
  return token;
}

export const employerInterestRoutes: RouteEntry[] = [
  {
    route: "GET /api/public/regions",
    access: "public",
    request: () => ({ method: "GET", url: "/api/public/regions" }),
  },
  {
    route: "GET /api/public/regions/:slug",
    access: "public",
    request: () => ({ method: "GET", url: "/api/public/regions/valley" }),
  },
  {
    route: "POST /api/public/regions/:slug/interest",
    access: "public",
    ok: 202,
    request: (): InjectOptions => {
      const i = fresh();
      return {
        method: "POST",
        url: "/api/public/regions/valley/interest",
        payload: interestForm(i),
        remoteAddress: `198.18.${Math.floor(i / 250)}.${i % 250}`,
      };
    },
  },
  {
    route: "POST /api/public/interest/confirm",
    access: "public",
    request: async (w) => ({
      method: "POST",
      url: "/api/public/interest/confirm",
      payload: { token: await freshConfirmToken(w) },
    }),
  },
];
