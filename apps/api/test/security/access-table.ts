import { brokeringRoutes } from "./access-brokering.ts";
import { districtDataRoutes } from "./access-district-data.ts";
import { placementRoutes, recordRoutes } from "./access-placements.ts";
import { platformRoutes } from "./access-platform.ts";
import { signInRoutes } from "./access-sign-in.ts";
import type { RouteEntry } from "./matrix.ts";
import { employerInterestRoutes } from "./access-employer-interest.ts";
import { employerVettingRoutes } from "./access-employer-vetting.ts";
import { eventsAdminRoutes } from "./access-events-admin.ts";
import { eventSignupRoutes } from "./access-event-signup.ts";
import { eventScheduleRoutes } from "./access-event-schedule.ts";
import { eventDayRoutes } from "./access-event-day.ts";

/**
 * The authorization table: one entry per registered route. `route-coverage.test.ts` fails when a
 * route has no entry or an entry names no route; the matrix tests call every entry as every
 * identity. To add a route, add its entry to the part of its area (see docs/architecture.md).
 */
export const ACCESS_TABLE: RouteEntry[] = [
  ...platformRoutes,
  ...brokeringRoutes,
  ...placementRoutes,
  ...recordRoutes,
  ...districtDataRoutes,
  ...signInRoutes,
  ...employerInterestRoutes,
  ...employerVettingRoutes,
  ...eventsAdminRoutes,
  ...eventSignupRoutes,
  ...eventScheduleRoutes,
  ...eventDayRoutes,
];
