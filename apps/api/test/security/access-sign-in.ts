import { identityProviders } from "@bridgework/db";
import type { InjectOptions } from "fastify";
import { get, send } from "./access-platform.ts";
import type { RouteEntry } from "./matrix.ts";
import type { World } from "./world.ts";

/** Authorization table, part 5: district sign-in (OpenID Connect identity providers and the public sign-in flow). */

let address = 0;
/** Each start from its own address, so the per-address limit never answers instead of the route. */
const fromNewAddress = (options: InjectOptions): InjectOptions => ({
  ...options,
  remoteAddress: `203.0.${Math.floor(++address / 250)}.${address % 250}`,
});

/**
 * A Valley provider, inserted directly (its issuer answers nothing: a start is refused with a
 * redirect to the login page, which is the public answer the matrix checks).
 */
async function valleyProvider(w: World): Promise<string> {
  const [row] = await w.h.db.db
    .insert(identityProviders)
    .values({
      regionId: w.ids.valley,
      name: `Valley SSO ${w.fresh.tag()}`,
      issuer: "http://127.0.0.1:9/nothing",
      clientId: "matrix",
      allowedDomains: ["valley.example"],
    })
    .returning({ id: identityProviders.id });
  return row!.id;
}

const INTERMEDIARY = { intermediary: "region" } as const;
const provider = (w: World) => ({
  name: `Provider ${w.fresh.tag()}`,
  issuer: "https://login.example.org",
  clientId: "client",
  clientSecret: "secret",
  allowedDomains: ["valley.example"],
});

export const signInRoutes: RouteEntry[] = [
  // The region's providers: only its intermediary; a list is of the caller's own region.
  {
    route: "GET /api/identity-providers",
    access: { intermediary: "any" },
    request: () => get("/api/identity-providers"),
  },
  {
    route: "POST /api/identity-providers",
    access: { intermediary: "any" },
    ok: 201,
    table: identityProviders,
    request: (w) => send("POST", "/api/identity-providers", provider(w)),
  },
  {
    route: "GET /api/identity-providers/:id",
    access: INTERMEDIARY,
    request: async (w) => get(`/api/identity-providers/${await valleyProvider(w)}`),
  },
  {
    route: "PATCH /api/identity-providers/:id",
    access: INTERMEDIARY,
    table: identityProviders,
    request: async (w) => send("PATCH", `/api/identity-providers/${await valleyProvider(w)}`, { enabled: false }),
  },

  // The login page's buttons and the flow itself: public, and every answer the same for anyone.
  {
    route: "GET /api/sign-in/providers",
    access: "public",
    request: () => get("/api/sign-in/providers?email=someone@valley.example"),
  },
  {
    route: "GET /api/sign-in/:providerId/start",
    access: "public",
    ok: 302,
    noRecords: true,
    request: async (w) => fromNewAddress(get(`/api/sign-in/${await valleyProvider(w)}/start`)),
  },
  {
    route: "GET /api/sign-in/callback",
    access: "public",
    ok: 302,
    noRecords: true,
    request: () => get("/api/sign-in/callback?code=abc&state=forged"),
  },
];
