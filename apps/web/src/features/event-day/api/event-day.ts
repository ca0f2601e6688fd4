import type { CheckInResult, EventBoard, NoShowResult } from "@bridgework/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { eventKey } from "../../../hooks/use-event.ts";

/**
 * The board is polled (every 10 s) rather than pushed: a few phones per event read it, an answer
 * is four indexed queries, and polling survives the gym's flaky Wi-Fi and proxies with nothing to
 * reconnect (docs/api.md "Events: day of the event").
 */
export const BOARD_REFRESH_MS = 10_000;

const boardKey = (eventId: string) => [...eventKey(eventId), "board"] as const;

export function useBoard(eventId: string) {
  return useQuery({
    queryKey: boardKey(eventId),
    queryFn: ({ signal }) => api<EventBoard>(`/api/events/${eventId}/board`, { signal }),
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export type CheckInAction =
  | { by: "code"; code: string }
  | { by: "list"; kind: "volunteer" | "student"; id: string; checkedIn: boolean };

const checkInPath = (eventId: string, a: Extract<CheckInAction, { by: "list" }>) =>
  `/api/events/${eventId}/check-in/${a.kind === "volunteer" ? "volunteers" : "students"}/${a.id}`;

/** Check in by badge or from the list (or undo); the board follows. */
export function useCheckIn(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: CheckInAction) =>
      a.by === "code"
        ? api<CheckInResult>(`/api/events/${eventId}/check-in`, { method: "POST", body: { code: a.code } })
        : api<CheckInResult>(checkInPath(eventId, a), { method: a.checkedIn ? "POST" : "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: boardKey(eventId) }),
  });
}

export function useNoShow(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (volunteerIds: string[]) =>
      api<NoShowResult>(`/api/events/${eventId}/no-shows`, { method: "POST", body: { volunteerIds } }),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKey(eventId) }),
  });
}
