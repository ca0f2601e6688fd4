import type {
  AddedEventStudents,
  AddEventStudents,
  EventStudentList,
  ScheduleBuilt,
  ScheduleGrouping,
  ScheduleView,
} from "@bridgework/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { eventKey } from "../../../hooks/use-event.ts";
import { api } from "../../../lib/api-client.ts";

const studentsKey = (eventId: string) => [...eventKey(eventId), "students"] as const;
const scheduleKey = (eventId: string, by: ScheduleGrouping) => [...eventKey(eventId), "schedule", by] as const;

export function useEventStudents(eventId: string) {
  return useQuery({
    queryKey: studentsKey(eventId),
    queryFn: ({ signal }) => api<EventStudentList>(`/api/events/${eventId}/students`, { signal }),
  });
}

export function useSchedule(eventId: string, by: ScheduleGrouping) {
  return useQuery({
    queryKey: scheduleKey(eventId, by),
    queryFn: ({ signal }) => api<ScheduleView>(`/api/events/${eventId}/schedule`, { query: { by }, signal }),
  });
}

/** Every change refreshes the whole event (its counts, students and schedule). */
function useEventMutation<I, O>(eventId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: eventKey(eventId) }),
  });
}

export const useAddStudents = (eventId: string) =>
  useEventMutation(eventId, (body: AddEventStudents) =>
    api<AddedEventStudents>(`/api/events/${eventId}/students`, { method: "POST", body }),
  );

export const useRemoveStudent = (eventId: string) =>
  useEventMutation(eventId, (eventStudentId: string) =>
    api<null>(`/api/events/${eventId}/students/${eventStudentId}`, { method: "DELETE" }),
  );

export const useBuildSchedule = (eventId: string) =>
  useEventMutation(eventId, () => api<ScheduleBuilt>(`/api/events/${eventId}/schedule`, { method: "POST", body: {} }));
