export * from "./mailer.ts";
export * from "./deliver-email.ts";
export * from "./runtime.ts";
export * from "./sweeps.ts";
export { createSweeps } from "./sweeps/index.ts";
export { loadWorkerConfig, type MetricsConfig, metricsConfigFrom, type WorkerConfig } from "./config.ts";
