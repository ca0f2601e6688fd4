import { type Config, loadConfig } from "@bridgework/api";

/** The API's configuration plus what only the composed process needs. */
export interface ServerConfig extends Config {
  logLevel: string;
  /** With REDIS_URL, fork a worker process (START_WORKER=0: workers run elsewhere). */
  startWorker: boolean;
  /** The environment a forked worker inherits (PATH, TZ…), before the settings from this config are laid over it. */
  inheritedEnv: NodeJS.ProcessEnv;
}

/** Reads the environment once, at start; nothing below the entry point reads `process.env`. */
export function loadServerConfig(env: NodeJS.ProcessEnv, root = process.cwd()): ServerConfig {
  return {
    ...loadConfig(env, root),
    logLevel: env.LOG_LEVEL ?? "info",
    startWorker: env.START_WORKER !== "0",
    inheritedEnv: env,
  };
}
