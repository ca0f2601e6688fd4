export * from "./identity.ts";
export * from "./ops.ts";
