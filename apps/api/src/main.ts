import { loadConfig } from "./config.ts";
import { startServer } from "./server.ts";

const server = await startServer(loadConfig());
const stop = async (signal: string) => {
  console.log(`\n${signal}: stopping (database shuts down cleanly)…`);
  await server.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
