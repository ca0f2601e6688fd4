export { buildApp, type BuildAppOptions, LOG_REDACT } from "./app.ts";
export { loadConfig, type Config } from "./config.ts";
export type { App } from "./lib/app-types.ts";
export type { Clock } from "./lib/clock.ts";
