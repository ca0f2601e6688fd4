import type { SweepConfig, Sweeps } from "../sweeps.ts";
import { matchNudges } from "./match-nudges.ts";

/** Reminders about asks an employer has not answered. */
export function matchSweeps({ publicUrl }: SweepConfig): Sweeps {
  return { "match-nudges": matchNudges({ publicUrl }) };
}
