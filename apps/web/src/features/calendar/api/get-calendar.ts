import type { Calendar } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export function getCalendar(range: { from: string; to: string }, signal?: AbortSignal): Promise<Calendar> {
  return api<Calendar>("/api/calendar", { query: range, signal });
}

export const calendarQueryOptions = (range: { from: string; to: string }) =>
  queryOptions({
    queryKey: ["calendar", range.from, range.to],
    queryFn: ({ signal }) => getCalendar(range, signal),
    placeholderData: keepPreviousData,
  });

export function useCalendar(range: { from: string; to: string }) {
  return useQuery(calendarQueryOptions(range));
}
