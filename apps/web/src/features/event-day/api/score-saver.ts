import type { SavedScore, ScoreInput } from "@bridgework/domain";
import { useEffect, useState, useSyncExternalStore } from "react";
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

const STORE = "bridgework.event-scores.v1";
const DEBOUNCE_MS = 700;
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);
const same = (a: ScoreInput, b: ScoreInput) =>
  JSON.stringify([a.scores, a.comment]) === JSON.stringify([b.scores, b.comment]);

/** Unsent drafts by interview id, as this device kept them. */
function readStore(): Record<string, ScoreInput> {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? "{}") as Record<string, ScoreInput>;
  } catch {
    return {};
  }
}
function keepUnsent(interviewId: string, draft: ScoreInput | null) {
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

/** The sending side, outside React: drafts, one request per interview, retries and their timers. */
class ScoreOutbox {
  private drafts = new Map<string, ScoreInput>(Object.entries(readStore()));
  private states = new Map<string, SaveState>();
  private inFlight = new Set<string>();
  private timers = new Map<string, number>();
  private attempts = new Map<string, number>();
  private listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly token: string) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  snapshot = () => this.version;
  draft = (id: string) => this.drafts.get(id);
  state = (id: string) => this.states.get(id) ?? (readStore()[id] ? ({ kind: "unsaved" } as const) : undefined);

  private set(id: string, state: SaveState) {
    this.states.set(id, state);
    this.version++;
    for (const l of this.listeners) l();
  }

  edit(id: string, input: ScoreInput, now: boolean) {
    this.drafts.set(id, input);
    keepUnsent(id, input);
    window.clearTimeout(this.timers.get(id));
    this.attempts.delete(id);
    this.set(id, { kind: "unsaved" });
    if (now) void this.send(id);
    else
      this.timers.set(
        id,
        window.setTimeout(() => void this.send(id), DEBOUNCE_MS),
      );
  }

  /** Sends every draft this device still holds unsent (on load, and when the browser is back online). */
  resume() {
    for (const id of Object.keys(readStore())) void this.send(id);
  }

  dispose() {
    for (const t of this.timers.values()) window.clearTimeout(t);
  }

  async send(id: string): Promise<void> {
    window.clearTimeout(this.timers.get(id));
    const body = readStore()[id];
    if (this.inFlight.has(id) || !body) return;
    this.inFlight.add(id);
    this.set(id, { kind: "saving" });
    try {
      const saved = await putScore(this.token, id, { scores: body.scores, comment: body.comment });
      this.inFlight.delete(id);
      this.attempts.delete(id);
      const now = readStore()[id];
      if (now && !same(now, body)) {
        // Typed more while this save was on its way: send the newest now.
        void this.send(id);
        return;
      }
      keepUnsent(id, null);
      this.set(id, { kind: "saved", savedAt: saved.savedAt });
    } catch (error) {
      this.inFlight.delete(id);
      if (!retryable(error)) {
        this.set(id, { kind: "failed", message: error instanceof ApiError ? error.detail || error.title : "" });
        return;
      }
      const attempt = this.attempts.get(id) ?? 0;
      this.attempts.set(id, attempt + 1);
      this.set(id, { kind: "offline" });
      this.timers.set(
        id,
        window.setTimeout(() => void this.send(id), backoff(attempt)),
      );
    }
  }
}

/** Drafts and save states of the volunteer's interviews; the server's copy shows until this device edits. */
export function useScoreSaver(token: string) {
  const [outbox] = useState(() => new ScoreOutbox(token));
  useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  useEffect(() => {
    outbox.resume();
    const online = () => outbox.resume();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      outbox.dispose();
    };
  }, [outbox]);
  return {
    value: (id: string, server: SavedScore | null): ScoreInput =>
      outbox.draft(id) ?? (server ? { scores: server.scores, comment: server.comment } : { scores: {}, comment: "" }),
    state: (id: string, server: SavedScore | null): SaveState | undefined =>
      outbox.state(id) ?? (server ? { kind: "saved", savedAt: server.savedAt } : undefined),
    edit: (id: string, input: ScoreInput, now = false) => outbox.edit(id, input, now),
  };
}
