import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Db } from "./client.ts";

/**
 * The checked-in migrations. From source this module sits in packages/db/src, next to
 * packages/db/migrations; in a production bundle (apps/server/dist/main.js, `pnpm build`) it is
 * inlined into the bundle, and scripts/build.mjs copies the folder beside it as dist/migrations.
 */
const BESIDE_BUNDLE = fileURLToPath(new URL("./migrations", import.meta.url));
export const MIGRATIONS_FOLDER = existsSync(BESIDE_BUNDLE)
  ? BESIDE_BUNDLE
  : fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies the checked-in migrations; safe to run on every start (already-applied ones are skipped). */
export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
