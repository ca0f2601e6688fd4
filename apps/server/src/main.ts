import { loadServerConfig } from "./config.ts";
import { startServer } from "./server.ts";

// `pnpm start`: the only place this process reads its environment.
const server = await startServer(loadServerConfig(process.env));
const stop = async (signal: string) => {
  console.log(`\n${signal}: stopping (database shuts down cleanly)…`);
  await server.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
