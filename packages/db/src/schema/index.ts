export * from "./identity.ts";
export * from "./ops.ts";
export * from "./brokering.ts";
