import type { Event } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api-client.ts";

/** Every query about one event starts with this key, so a change anywhere refreshes all its tabs. */
export const eventKey = (eventId: string) => ["events", "one", eventId] as const;

export const eventQueryOptions = (eventId: string) =>
  queryOptions({
    queryKey: eventKey(eventId),
    queryFn: ({ signal }) => api<Event>(`/api/events/${eventId}`, { signal }),
  });

/** One event with its schools, pathways, roles and fill counts (GET /api/events/:id), shared by its tabs. */
export function useEvent(eventId: string) {
  return useQuery(eventQueryOptions(eventId));
}
