import type { Me } from "@bridgework/domain";
import { useSyncExternalStore } from "react";
import { i18n } from "./i18n.ts";

export type SessionState =
  | { status: "loading" }
  /** `reason`: how a session ended, so the login page can say so; absent when there never was one. */
  | { status: "anonymous"; reason?: "logout" | "expired" }
  | { status: "authenticated"; user: Me };

/**
 * The access token lives only in memory (never localStorage), so a script injected into the page
 * cannot lift a long-lived credential; a reload restores the session through the httpOnly
 * refresh cookie instead.
 */
let accessToken: string | null = null;
let state: SessionState = { status: "loading" };
const listeners = new Set<() => void>();

function set(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  get: (): SessionState => state,
  token: (): string | null => accessToken,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(result: { accessToken: string; user: Me }) {
    accessToken = result.accessToken;
    set({ status: "authenticated", user: result.user });
    followLanguage(result.user);
  },
  /** The same session with fresher facts about the person (their language, their region's zone). */
  update(user: Me) {
    if (state.status !== "authenticated") return;
    set({ status: "authenticated", user });
    followLanguage(user);
  },
  signOut(reason?: "logout" | "expired") {
    accessToken = null;
    set({ status: "anonymous", reason: state.status === "authenticated" ? (reason ?? "expired") : undefined });
  },
};

/** After login (and each refresh) the app speaks the language the person saved on the server. */
function followLanguage(user: Me) {
  if (i18n.resolvedLanguage !== user.language) void i18n.changeLanguage(user.language);
}

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** The logged-in user; only for components rendered behind the auth guard. */
export function useCurrentUser(): Me {
  const current = useSession();
  if (current.status !== "authenticated") throw new Error("useCurrentUser outside an authenticated route");
  return current.user;
}
