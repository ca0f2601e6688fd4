import { placementRoutes } from "./access-placements.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: placements, sign, hours and evaluation links", placementRoutes);
