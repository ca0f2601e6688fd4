import type { Event, EventAction, EventRole, EventSummary, EventVolunteer } from "@bridgework/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { eventKey } from "../../../hooks/use-event.ts";
import { api } from "../../../lib/api-client.ts";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useEvents(page: number) {
  return useQuery({
    queryKey: ["events", "list", page],
    queryFn: ({ signal }) => api<Page<EventSummary>>("/api/events", { query: { page, pageSize: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const volunteersKey = (eventId: string) => [...eventKey(eventId), "volunteers"] as const;

export function useVolunteers(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: volunteersKey(eventId),
    queryFn: ({ signal }) => api<EventVolunteer[]>(`/api/events/${eventId}/volunteers`, { signal }),
    enabled,
  });
}

/** A change to one event: its every query (overview, volunteers, other tabs) and the list refresh. */
function useEventMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ["events"] }),
  });
}

export const useTransition = (eventId: string) =>
  useEventMutation((action: EventAction) =>
    api<Event>(`/api/events/${eventId}/transition`, { method: "POST", body: { action } }),
  );

export interface RoleBody {
  name: string;
  description: string;
  bring: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  scheduled: boolean;
}

export const useSaveRole = (eventId: string) =>
  useEventMutation(({ id, body }: { id: string; body: RoleBody }) =>
    api<EventRole>(`/api/events/${eventId}/roles/${id}`, { method: "PATCH", body }),
  );

export const useDeleteRole = (eventId: string) =>
  useEventMutation((id: string) => api<null>(`/api/events/${eventId}/roles/${id}`, { method: "DELETE" }));

export interface VolunteerBody {
  roleId: string;
  name: string;
  email: string;
  phone: string;
  employerName: string;
  language: "en" | "es";
}

export const useAddVolunteer = (eventId: string) =>
  useEventMutation((body: VolunteerBody) =>
    api<EventVolunteer>(`/api/events/${eventId}/volunteers`, { method: "POST", body }),
  );

export const useCancelVolunteer = (eventId: string) =>
  useEventMutation((id: string) =>
    api<EventVolunteer>(`/api/events/${eventId}/volunteers/${id}`, { method: "DELETE" }),
  );

export const useMessageVolunteers = (eventId: string) =>
  useEventMutation((body: { subject: string; body: string }) =>
    api<{ sent: number }>(`/api/events/${eventId}/message`, { method: "POST", body }),
  );
