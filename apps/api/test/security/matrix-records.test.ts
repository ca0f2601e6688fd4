import { recordRoutes } from "./access-placements.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: students, insurance, templates, reports, exports", recordRoutes);
