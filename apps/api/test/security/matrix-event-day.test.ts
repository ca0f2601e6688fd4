import { eventDayRoutes } from "./access-event-day.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: the day of an event", eventDayRoutes);
