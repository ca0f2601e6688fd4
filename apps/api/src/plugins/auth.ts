import cookie from "@fastify/cookie";
import jwt from "@fastify/jwt";
import { type PersonActor, ROLES, Unauthenticated, say } from "@bridgework/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const JWT_AUDIENCE = "bridgework-api";
export const JWT_ISSUER = "bridgework";
/** How many verified access tokens are remembered (about 0.5 KB each). */
const VERIFIED_TOKENS_KEPT = 10_000;

const Claims = z.object({
  sub: z.uuid(),
  role: z.enum(ROLES),
  org: z.uuid(),
  region: z.uuid(),
  district: z.uuid().nullable(),
});

declare module "fastify" {
  interface FastifyRequest {
    /** The logged-in person once `app.authenticate` has run; null on public routes. Read it with `requireActor(req)`. */
    actor: PersonActor | null;
  }
  interface FastifyInstance {
    /** onRequest hook for routes that need a logged-in person: 401 otherwise. */
    authenticate(req: FastifyRequest): Promise<void>;
    signAccessToken(actor: PersonActor): string;
  }
}

/** The person behind an authenticated route; a route that forgot `onRequest: app.authenticate` answers 401 rather than reading a missing actor. */
export function requireActor(req: FastifyRequest): PersonActor {
  if (!req.actor) throw new Unauthenticated(say("log-in"));
  return req.actor;
}

export async function registerAuth(app: FastifyInstance, secret: string) {
  await app.register(cookie);
  await app.register(jwt, {
    secret,
    sign: { expiresIn: ACCESS_TOKEN_TTL_SECONDS, aud: JWT_AUDIENCE, iss: JWT_ISSUER, algorithm: "HS256" },
    // fast-jwt checks aud/iss/exp only when present: without requiredClaims a token lacking
    // them (one minted for another purpose with this secret, or one with no expiry) would pass.
    verify: {
      allowedAud: JWT_AUDIENCE,
      allowedIss: JWT_ISSUER,
      algorithms: ["HS256"],
      requiredClaims: ["aud", "iss", "exp", "sub"],
    },
  });
  app.decorateRequest("actor", null);

  app.decorate("signAccessToken", (actor: PersonActor) =>
    app.jwt.sign({
      sub: actor.userId,
      role: actor.role,
      org: actor.organizationId,
      region: actor.regionId,
      district: actor.districtId,
    }),
  );

  // Tokens already verified, with the person they carry and when they expire. Verifying costs
  // an HMAC, a decode and a claims check (about a tenth of an uncached search's time); the web
  // app sends the same token with every call for its 15 minutes. Only a token that verified is
  // kept, keyed by its exact text, and only until its `exp`: the answer is the one verifying again
  // would give. Access tokens are not revocable before `exp` either way (logging out ends the
  // refresh cookie). Bounded: the oldest entry goes first.
  const verified = new Map<string, { actor: PersonActor; expiresAtMs: number }>();

  app.decorate("authenticate", async (req: FastifyRequest) => {
    const header = req.headers.authorization;
    const known = header === undefined ? undefined : verified.get(header);
    if (known !== undefined && known.expiresAtMs > Date.now()) {
      req.actor = known.actor;
      return;
    }
    let payload: unknown;
    try {
      payload = await req.jwtVerify();
    } catch {
      throw new Unauthenticated(req.headers.authorization ? say("session-expired") : say("log-in"));
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new Unauthenticated();
    const c = claims.data;
    req.actor = {
      kind: "person",
      userId: c.sub,
      role: c.role,
      organizationId: c.org,
      regionId: c.region,
      districtId: c.district,
    };
    const exp = (payload as { exp?: unknown }).exp;
    if (header !== undefined && typeof exp === "number") {
      if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
      verified.set(header, { actor: req.actor, expiresAtMs: exp * 1000 });
    }
  });
}
