import { platformRoutes } from "./access-platform.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: sign-in, people, organizations, audit, jobs, calendar", platformRoutes);
