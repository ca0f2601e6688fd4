import type { EmployerPreferences, ThankYouLetterSent, UpdateEmployerPreferences } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { downloadFile } from "../../../lib/download.ts";

export const preferencesQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ["employer-preferences", organizationId],
    queryFn: ({ signal }) => api<EmployerPreferences>(`/api/organizations/${organizationId}/preferences`, { signal }),
  });

export const usePreferences = (organizationId: string) => useQuery(preferencesQueryOptions(organizationId));

export function useUpdatePreferences(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateEmployerPreferences) =>
      api<EmployerPreferences>(`/api/organizations/${organizationId}/preferences`, { method: "PATCH", body: input }),
    onSuccess: (saved) => client.setQueryData(preferencesQueryOptions(organizationId).queryKey, saved),
  });
}

/** Downloads the employer's thank-you letter for a school year (a PDF). */
export function useDownloadThankYouLetter(organizationId: string) {
  return useMutation({
    mutationFn: ({ schoolYear, filename }: { schoolYear: string; filename: string }) =>
      downloadFile(`/api/organizations/${organizationId}/thank-you-letter.pdf`, {
        accept: "application/pdf",
        filename,
        query: { schoolYear },
      }),
  });
}

/** The intermediary emails the letter (PDF attached) to the employer's contact. */
export function useSendThankYouLetter(organizationId: string) {
  return useMutation({
    mutationFn: (schoolYear: string) =>
      api<ThankYouLetterSent>(`/api/organizations/${organizationId}/thank-you-letter/send`, {
        method: "POST",
        body: { schoolYear },
      }),
  });
}
