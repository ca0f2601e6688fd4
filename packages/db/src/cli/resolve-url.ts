import path from "node:path";
import { startEmbeddedPostgres } from "../embedded.ts";

/** DATABASE_URL when set, else the embedded PostgreSQL under .data/ (same as `pnpm start`). */
export async function resolveDatabaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pg") });
  return { url: server.url, stop: server.stop };
}
