import type { Demographics, Student } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** One student (audited read), for opening the edit form from a link (`/students?edit=<id>`). */
export const getStudent = (id: string, signal?: AbortSignal) => api<Student>(`/api/students/${id}`, { signal });

export function useStudent(id: string | null) {
  return useQuery({
    queryKey: ["students", "one", id],
    queryFn: ({ signal }) => getStudent(id!, signal),
    enabled: id !== null,
  });
}

/** Every demographic field, null when not recorded. */
export type StudentDemographics = Required<{ [K in keyof Demographics]: NonNullable<Demographics[K]> | null }>;

/** A student's demographics for the edit form only (audited read); never cached beyond the form. */
export const studentDemographicsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["students", "demographics", id],
    queryFn: ({ signal }) => api<StudentDemographics>(`/api/students/${id}/demographics`, { signal }),
    gcTime: 0,
    staleTime: 0,
  });

export function useStudentDemographics(id: string | null) {
  return useQuery({ ...studentDemographicsQueryOptions(id ?? ""), enabled: id !== null });
}
