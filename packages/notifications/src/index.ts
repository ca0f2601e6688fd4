export * from "./types.ts";
export * from "./format.ts";
export * from "./links.ts";
export * from "./calendar.ts";
export { renderMail, type MailContent } from "./layout.tsx";
export { defineStrings } from "./i18n.ts";
export { common } from "./common.ts";
export * from "./messages/invitation.ts";
export * from "./engagement.ts";
