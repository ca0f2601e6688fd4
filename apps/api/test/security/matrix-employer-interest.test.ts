import { employerInterestRoutes } from "./access-employer-interest.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: the public Get involved page", employerInterestRoutes);
