import path from "node:path";
import { startEmbeddedPostgres } from "../embedded.ts";

/** DATABASE_URL when set, else the embedded PostgreSQL under .data/ (same as `pnpm start`). The CLI entry passes its environment. */
export async function resolveDatabaseUrl(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(env.DATA_DIR ?? ".data", "pg") });
  return { url: server.url, stop: server.stop };
}
