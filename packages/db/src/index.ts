export * from "./client.ts";
export * from "./migrate.ts";
export * as schema from "./schema/index.ts";
export * from "./schema/index.ts";
export * from "./passwords.ts";
export * from "./region-changes.ts";
export * from "./one-time-links.ts";
export * from "./erase-students.ts";
