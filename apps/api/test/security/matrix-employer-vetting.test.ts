import { employerVettingRoutes } from "./access-employer-vetting.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: the intermediary's vetting queue", employerVettingRoutes);
