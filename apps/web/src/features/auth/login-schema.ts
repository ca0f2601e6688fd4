// Loaded on the first check of the login form, not with the page: the shared schema brings zod,
// a quarter of the first page's script otherwise (login-form.tsx).
export { LoginInput } from "@bridgework/domain";
