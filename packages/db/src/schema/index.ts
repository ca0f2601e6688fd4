export * from "./identity.ts";
export * from "./ops.ts";
export * from "./brokering.ts";
export * from "./placements.ts";
export * from "./reporting.ts";
export * from "./calendar.ts";
export * from "./district-data.ts";
export * from "./tasks.ts";
