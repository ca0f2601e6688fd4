import { districtDataRoutes } from "./access-district-data.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: a district's data (export, erase, retention)", districtDataRoutes);
