import { eventsAdminRoutes } from "./access-events-admin.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: events run by coordinators and the intermediary", eventsAdminRoutes);
