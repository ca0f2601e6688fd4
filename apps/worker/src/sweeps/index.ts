import type { SweepConfig, Sweeps } from "../sweeps.ts";
import { expireDistrictExports } from "../district-export/export-job.ts";
import { eraseRetention } from "./erase-retention.ts";
import { eventThanks } from "./event-thanks.ts";
import { expireRequests } from "./expire-requests.ts";
import { matchSweeps } from "./matches.ts";
import { reminderSweeps } from "./reminders.ts";
import { pruneUnconfirmedInterests } from "./prune-interests.ts";
import { eventVolunteerReminders } from "./event-volunteer-reminders.ts";

/**
 * Every feature's sweep, by name. Built by the entry point (worker process, `pnpm start`, test
 * harness) and handed to `startJobs`, so what runs is explicit and no import has side effects.
 */
export function createSweeps(config: SweepConfig): Sweeps {
  return {
    "expire-requests": expireRequests,
    "expire-district-exports": expireDistrictExports,
    "erase-retention": eraseRetention,
    ...matchSweeps(config),
    ...reminderSweeps(config),
    "prune-unconfirmed-interests": pruneUnconfirmedInterests,
    "event-thanks": eventThanks,
    "event-volunteer-reminders": eventVolunteerReminders(config),
  };
}
