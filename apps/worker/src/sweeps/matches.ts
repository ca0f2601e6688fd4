import { registerSweep } from "../sweeps.ts";
import { matchNudges } from "./match-nudges.ts";

/** Links in reminder emails point at the SPA; the worker reads the same PUBLIC_URL as the API. */
const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

registerSweep("match-nudges", matchNudges({ publicUrl }));
