import type { CalendarFeed } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const calendarFeedQueryOptions = () =>
  queryOptions({
    queryKey: ["calendar-feed"],
    queryFn: ({ signal }) => api<CalendarFeed>("/api/me/calendar-feed", { signal }),
  });

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions());
}

/** Makes the link, or replaces it (the old URL stops working). The answer holds the URL, shown once. */
export function useResetCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeed>("/api/me/calendar-feed", { method: "POST" }),
    onSuccess: (feed) => client.setQueryData(calendarFeedQueryOptions().queryKey, { ...feed, url: null }),
  });
}

export function useTurnOffCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<null>("/api/me/calendar-feed", { method: "DELETE" }),
    onSuccess: () =>
      client.setQueryData(calendarFeedQueryOptions().queryKey, { url: null, active: false, createdAt: null }),
  });
}
