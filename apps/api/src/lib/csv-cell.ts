/** The formula guard lives in the domain package (the web app's CSV uses it too); the API imports it from here. */
export { guardFormula, unguardFormula } from "@bridgework/domain";
