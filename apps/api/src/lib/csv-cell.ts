/** The formula guard lives in the domain package: the API, the worker's district export and the web app's CSV all use it. */
export { guardFormula, unguardFormula } from "@bridgework/domain";
