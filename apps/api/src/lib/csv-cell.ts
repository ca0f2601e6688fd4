// The guard lives in @bridgework/domain so the worker's district export uses the same one.
export { guardFormula, unguardFormula } from "@bridgework/domain";
