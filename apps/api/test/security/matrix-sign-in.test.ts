import { signInRoutes } from "./access-sign-in.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: district sign-in (identity providers, the OpenID Connect flow)", signInRoutes);
