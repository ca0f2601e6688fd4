import { createDatabase } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import { isEmpty, seedDemo } from "../seed/demo.ts";
import { resolveDatabaseUrl } from "./resolve-url.ts";

const { url, stop } = await resolveDatabaseUrl(process.env);
const database = createDatabase(url);
await migrateDatabase(database.db);
if (await isEmpty(database.db)) {
  await seedDemo(database.db, (m) => console.log(m));
} else {
  console.log("The database already holds data; the demo is loaded only into an empty database.");
}
await database.close();
await stop();
