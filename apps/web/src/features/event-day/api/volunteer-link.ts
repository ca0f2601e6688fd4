import type { SavedScore, ScoreInput, VolunteerSchedule } from "@bridgework/domain";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const volunteerScheduleKey = (token: string) => ["volunteer-schedule", token] as const;

/** A 404 or 410 is an answer (a wrong or spent link), not a hiccup: no retries for those. */
export function useVolunteerSchedule(token: string) {
  return useQuery({
    queryKey: volunteerScheduleKey(token),
    queryFn: ({ signal }) =>
      api<VolunteerSchedule>(`/api/public/volunteer/${encodeURIComponent(token)}`, { signal, auth: false }),
    retry: (count, error) => count < 3 && !("status" in error && [404, 410].includes(error.status as number)),
  });
}

export const putScore = (token: string, interviewId: string, body: ScoreInput) =>
  api<SavedScore>(`/api/public/volunteer/${encodeURIComponent(token)}/interviews/${interviewId}/score`, {
    method: "PUT",
    body,
    auth: false,
  });
