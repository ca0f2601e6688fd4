import type { Me, UpdateMe } from "@bridgework/domain";
import { api } from "./api-client.ts";
import { session } from "./session.ts";

/** Which save is the newest: an older save's answer must not undo a newer choice. */
let latestSave = 0;
/** Saves go one after another, so the server keeps the last choice too. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Saves the signed-in person's own name or language (PATCH /api/me) and refreshes the session
 * with the answer, so the app follows at once. Shared by the header's language menu and the
 * profile page. Switching language twice quickly sends two saves; only the last one's answer
 * refreshes the session, or the first answer would switch the page back.
 */
export async function updateMe(input: UpdateMe): Promise<Me> {
  const save = ++latestSave;
  const sent = queue.catch(() => undefined).then(() => api<Me>("/api/me", { method: "PATCH", body: input }));
  queue = sent;
  const me = await sent;
  if (save === latestSave) session.update(me);
  return me;
}
