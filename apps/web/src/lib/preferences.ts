import type { Me, UpdateMe } from "@bridgework/domain";
import { api } from "./api-client.ts";
import { session } from "./session.ts";

/**
 * Saves the signed-in person's own name or language (PATCH /api/me) and refreshes the session
 * with the answer, so the app follows at once. Shared by the header's language menu and the
 * profile page.
 */
export async function updateMe(input: UpdateMe): Promise<Me> {
  const me = await api<Me>("/api/me", { method: "PATCH", body: input });
  session.update(me);
  return me;
}
