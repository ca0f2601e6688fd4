import { loadServerConfig } from "./config.ts";
import { startServer } from "./server.ts";
import { stopOnSignals } from "./shutdown.ts";

// `pnpm start` (and the Docker image's CMD): the only place this process reads its environment.
const config = loadServerConfig(process.env);
const server = await startServer(config);
stopOnSignals(server.stop, { deadlineMs: config.shutdownTimeoutMs, say: console.log });
