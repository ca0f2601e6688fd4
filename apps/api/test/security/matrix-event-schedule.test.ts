import { eventScheduleRoutes } from "./access-event-schedule.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: an event's students, schedule and printables", eventScheduleRoutes);
