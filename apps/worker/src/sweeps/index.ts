import { registerSweep } from "../sweeps.ts";
import { expireRequests } from "./expire-requests.ts";

/** Every feature's sweep, registered when the worker package loads. */
registerSweep("expire-requests", expireRequests);
import "./matches.ts";
import "./reminders.ts";
