export { buildApp, type BuildAppOptions, LOG_REDACT, type RequestSample } from "./app.ts";
export type { RegionCacheStats } from "./lib/region-cache.ts";
export { loadConfig, type Config } from "./config.ts";
export type { App } from "./lib/app-types.ts";
export type { Clock } from "./lib/clock.ts";
