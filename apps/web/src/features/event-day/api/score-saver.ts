import type { SavedScore, ScoreInput } from "@bridgework/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-error.ts";
import { putScore } from "./volunteer-link.ts";

/**
 * Saving rubric scores as the interviewer goes, on a gym's flaky connection. Every edit is kept
 * in localStorage first (a reload or a dead battery loses nothing), then sent; a failure of the
 * network or the server is retried with growing waits (1 s, 2 s, 4 s… up to 30 s) and at once
 * when the browser comes back online. The PUT is idempotent (one row per interview), so a retry
 * of a save that did arrive only saves the same thing again. One request per interview at a
 * time, always the newest draft: no older save can land after a newer one.
 */

export type SaveState =
  | { kind: "saved"; savedAt: string }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "unsaved" }
  | { kind: "failed"; message: string };

interface Draft extends ScoreInput {
  /** Sent and acknowledged by the server. */
  saved: boolean;
}

const STORE = "bridgework.event-scores.v1";
const DEBOUNCE_MS = 700;
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

function readStore(): Record<string, Draft> {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? "{}") as Record<string, Draft>;
  } catch {
    return {};
  }
}
function writeDraft(interviewId: string, draft: Draft | null) {
  const all = readStore();
  if (draft) all[interviewId] = draft;
  else delete all[interviewId];
  try {
    localStorage.setItem(STORE, JSON.stringify(all));
  } catch {
    // Storage full or blocked (private mode): the save still goes out; only a reload could lose it.
  }
}

const retryable = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

export function useScoreSaver(
  token: string,
  serverScores: ReadonlyArray<{ id: string; score: SavedScore | null }>,
) {
  const [drafts, setDrafts] = useState<Record<string, ScoreInput>>({});
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const inFlight = useRef(new Set<string>());
  const timers = useRef(new Map<string, number>());
  const attempts = useRef(new Map<string, number>());
  const setState = (id: string, s: SaveState) => setStates((all) => ({ ...all, [id]: s }));

  const send = useCallback(
    async (interviewId: string) => {
      window.clearTimeout(timers.current.get(interviewId));
      if (inFlight.current.has(interviewId)) return;
      const draft = readStore()[interviewId];
      if (!draft || draft.saved) return;
      inFlight.current.add(interviewId);
      setState(interviewId, { kind: "saving" });
      const body: ScoreInput = { scores: draft.scores, comment: draft.comment };
      try {
        const saved = await putScore(token, interviewId, body);
        attempts.current.delete(interviewId);
        const now = readStore()[interviewId];
        const unchanged = now && JSON.stringify([now.scores, now.comment]) === JSON.stringify([body.scores, body.comment]);
        if (unchanged) writeDraft(interviewId, { ...body, saved: true });
        setState(interviewId, unchanged ? { kind: "saved", savedAt: saved.savedAt } : { kind: "unsaved" });
        inFlight.current.delete(interviewId);
        // Typed more while this save was on its way: send the newest now.
        if (!unchanged) void send(interviewId);
      } catch (error) {
        inFlight.current.delete(interviewId);
        if (retryable(error)) {
          const attempt = attempts.current.get(interviewId) ?? 0;
          attempts.current.set(interviewId, attempt + 1);
          setState(interviewId, { kind: "offline" });
          timers.current.set(
            interviewId,
            window.setTimeout(() => void send(interviewId), backoff(attempt)),
          );
        } else {
          setState(interviewId, { kind: "failed", message: error instanceof ApiError ? error.detail || error.title : "" });
        }
      }
    },
    [token],
  );

  // On load: the drafts of this device win over the server's copy until they are sent; unsent ones go out now.
  const serverKey = serverScores.map((s) => `${s.id}:${s.score?.savedAt ?? ""}`).join(",");
  useEffect(() => {
    const stored = readStore();
    const next: Record<string, ScoreInput> = {};
    const nextStates: Record<string, SaveState> = {};
    for (const { id, score } of serverScores) {
      const local = stored[id];
      if (local && !local.saved) {
        next[id] = { scores: local.scores, comment: local.comment };
        nextStates[id] = { kind: "unsaved" };
      } else if (score) {
        next[id] = { scores: score.scores, comment: score.comment };
        nextStates[id] = { kind: "saved", savedAt: score.savedAt };
      }
    }
    setDrafts(next);
    setStates((s) => ({ ...nextStates, ...s }));
    for (const id of Object.keys(nextStates)) if (nextStates[id]!.kind === "unsaved") void send(id);
    // Only when the server's list changes (first load, another device's save).
    // biome-ignore lint/correctness/useExhaustiveDependencies: serverKey stands for serverScores
  }, [serverKey, send]);

  useEffect(() => {
    const online = () => {
      for (const [id, draft] of Object.entries(readStore())) if (!draft.saved) void send(id);
    };
    window.addEventListener("online", online);
    const pending = timers.current;
    return () => {
      window.removeEventListener("online", online);
      for (const t of pending.values()) window.clearTimeout(t);
    };
  }, [send]);

  /** An edit: kept at once, sent after a short pause (or at once with `now`, the Save button). */
  const edit = useCallback(
    (interviewId: string, input: ScoreInput, now = false) => {
      writeDraft(interviewId, { ...input, saved: false });
      setDrafts((all) => ({ ...all, [interviewId]: input }));
      setState(interviewId, { kind: "unsaved" });
      window.clearTimeout(timers.current.get(interviewId));
      attempts.current.delete(interviewId);
      if (now) void send(interviewId);
      else timers.current.set(interviewId, window.setTimeout(() => void send(interviewId), DEBOUNCE_MS));
    },
    [send],
  );

  return { drafts, states, edit, save: (interviewId: string) => void send(interviewId) };
}
