import { createDatabase } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import { resolveDatabaseUrl } from "./resolve-url.ts";

const { url, stop } = await resolveDatabaseUrl(process.env);
const database = createDatabase(url);
await migrateDatabase(database.db);
console.log("migrations applied");
await database.close();
await stop();
