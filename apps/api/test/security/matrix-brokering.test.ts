import { brokeringRoutes } from "./access-brokering.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: opportunities, requests, matches", brokeringRoutes);
