export * from "./enums.ts";
export * from "./errors.ts";
export * from "./schemas/common.ts";
export * from "./schemas/auth.ts";
export * from "./schemas/organizations.ts";
export * from "./schemas/users.ts";
export * from "./schemas/pathways.ts";
export * from "./permissions.ts";
