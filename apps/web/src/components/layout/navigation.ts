import type { Role } from "@bridgework/domain";
import type { Translation } from "../../locales/en.ts";

export type NavKey = keyof Translation["nav"];

export interface NavEntry {
  to: "/" | "/organizations" | "/pathways" | "/users" | "/profile" | "/mailbox";
  label: NavKey;
  /** Where the entry's short description lives (home page shortcuts). */
  hint?: keyof Translation["navHints"];
}

const home: NavEntry = { to: "/", label: "home" };
const organizations: NavEntry = { to: "/organizations", label: "organizations", hint: "organizations" };
const pathways: NavEntry = { to: "/pathways", label: "pathways", hint: "pathways" };
const profile: NavEntry = { to: "/profile", label: "profile", hint: "profile" };

/**
 * What each role sees in the navigation. The API enforces access on its own; this only keeps
 * people from being shown pages their role cannot use (teachers manage no users).
 */
export const NAVIGATION: Record<Role, NavEntry[]> = {
  intermediary: [home, organizations, pathways, { to: "/users", label: "users", hint: "users" }, profile],
  coordinator: [home, organizations, pathways, { to: "/users", label: "staff", hint: "staff" }, profile],
  teacher: [home, pathways, organizations, profile],
  employer: [home, { to: "/users", label: "team", hint: "team" }, organizations, profile],
};

export const MAILBOX_ENTRY: NavEntry = { to: "/mailbox", label: "mailbox", hint: "mailbox" };
