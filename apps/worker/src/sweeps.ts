import type { Db } from "@bridgework/db";

/** A sweep is a SQL pass over state that inserts what is due (deduplicated) and returns how many. */
export type Sweep = (deps: { db: Db; now: Date }) => Promise<number>;

/** Sweeps by name, as the job runtime runs them. Each must be safe to run twice or concurrently. */
export type Sweeps = Record<string, Sweep>;

/** What the sweeps need from the configuration, passed in by the entry point (never read from the environment here). */
export interface SweepConfig {
  /** Base of the links in reminder emails: the SPA's public address, the same as the API's. */
  publicUrl: string;
}
