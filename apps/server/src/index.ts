export { composeApp, type ComposedApp, type ComposeOptions } from "./compose.ts";
export { loadServerConfig, type ServerConfig } from "./config.ts";
export { type RunningServer, startServer } from "./server.ts";
