export * from "./mailer.ts";
export * from "./deliver-email.ts";
export * from "./runtime.ts";
export * from "./sweeps.ts";
import "./sweeps/index.ts";
