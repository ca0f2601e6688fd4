import type { Db } from "@bridgework/db";
import type { Actor, PersonActor } from "@bridgework/domain";
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import type { Clock } from "./clock.ts";
import type { Catalog } from "./catalog/catalog.ts";
import type { RegionCache } from "./region-cache.ts";
import { requireActor } from "../plugins/auth.ts";

/** What every action receives. Ownership and scope come from `actor`, never from the request body. */
export interface Ctx<A extends Actor = PersonActor> {
  actor: A;
  db: Db;
  log: FastifyBaseLogger;
  clock: Clock;
  config: Config;
  /** Tell the job runtime new outbox rows were committed. */
  kick(): void;
}

export interface AppServices {
  db: Db;
  clock: Clock;
  config: Config;
  kick(): void;
  /** Answers of read-mostly region queries, dropped when the region changes. */
  regionCache: RegionCache;
  /** Each region's opportunities in memory, kept fresh, for search and suggestions. */
  catalog: Catalog;
}

export function ctxFor(req: FastifyRequest, services: AppServices): Ctx {
  return {
    actor: requireActor(req),
    db: services.db,
    log: req.log,
    clock: services.clock,
    config: services.config,
    kick: services.kick,
  };
}

/** For public routes (login, links): the caller is nobody yet. */
export function publicCtx(req: FastifyRequest, services: AppServices): Omit<Ctx, "actor"> {
  return { db: services.db, log: req.log, clock: services.clock, config: services.config, kick: services.kick };
}
