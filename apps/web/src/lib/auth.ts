import type { LoginInput, LoginResult } from "@bridgework/domain";
import { api, refreshSession } from "./api-client.ts";
import { session } from "./session.ts";

export async function login(input: LoginInput): Promise<LoginResult> {
  const result = await api<LoginResult>("/api/auth/login", { method: "POST", body: input, auth: false });
  session.signIn(result);
  return result;
}

/** Revokes the refresh token on the server; the local session ends even if that call fails. */
export async function logout(): Promise<void> {
  try {
    await api<void>("/api/auth/logout", { method: "POST", auth: false });
  } finally {
    session.signOut("logout");
  }
}

/** On app load: the httpOnly refresh cookie, if still valid, brings back the session. */
export function restoreSession(): Promise<boolean> {
  return refreshSession();
}
