import { eventSignupRoutes } from "./access-event-signup.ts";
import { describeMatrix } from "./run-matrix.ts";

describeMatrix("authorization matrix: the public volunteer sign-up for events", eventSignupRoutes);
