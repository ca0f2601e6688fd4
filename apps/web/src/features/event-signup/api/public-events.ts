import type {
  PublicEvent,
  PublicEventList,
  VolunteerCancelResult,
  VolunteerCancelView,
  VolunteerSignUpInput,
  VolunteerSignUpResult,
} from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

const region = (slug: string) => `/api/public/regions/${encodeURIComponent(slug)}`;

/** A 404 (unknown region, event not open) is an answer, not a hiccup: no retries. */
export const publicEventsQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ["public-events", slug],
    queryFn: ({ signal }) => api<PublicEventList>(`${region(slug)}/events`, { signal, auth: false }),
    retry: false,
  });

export const publicEventQueryOptions = (slug: string, eventId: string) =>
  queryOptions({
    queryKey: ["public-events", slug, eventId],
    queryFn: ({ signal }) =>
      api<PublicEvent>(`${region(slug)}/events/${encodeURIComponent(eventId)}`, { signal, auth: false }),
    retry: false,
  });

export const usePublicEvents = (slug: string) => useQuery(publicEventsQueryOptions(slug));
export const usePublicEvent = (slug: string, eventId: string) => useQuery(publicEventQueryOptions(slug, eventId));

/** After a sign-up the places left changed: the event is read again. */
export function useSignUpVolunteer(slug: string, eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: VolunteerSignUpInput) =>
      api<VolunteerSignUpResult>(`${region(slug)}/events/${encodeURIComponent(eventId)}/volunteers`, {
        method: "POST",
        body: input,
        auth: false,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ["public-events", slug] }),
  });
}

const cancelPath = (token: string) => `/api/public/volunteer-cancel/${encodeURIComponent(token)}`;

export const useCancelView = (token: string) =>
  useQuery({
    queryKey: ["volunteer-cancel", token],
    queryFn: ({ signal }) => api<VolunteerCancelView>(cancelPath(token), { signal, auth: false }),
    retry: false,
  });

export const useCancelVolunteer = (token: string) =>
  useMutation({
    mutationFn: () => api<VolunteerCancelResult>(cancelPath(token), { method: "POST", auth: false }),
  });
