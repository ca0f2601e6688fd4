import type { Db } from "@bridgework/db";

/** A sweep is a SQL pass over state that inserts what is due (deduplicated) and returns how many. */
export type Sweep = (deps: { db: Db; now: Date }) => Promise<number>;

/** Registry of sweeps; features add theirs here. Each must be safe to run twice or concurrently. */
export const sweeps: Record<string, Sweep> = {};

export function registerSweep(name: string, sweep: Sweep) {
  sweeps[name] = sweep;
}
