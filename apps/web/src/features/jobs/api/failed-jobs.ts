import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** One job that gave up (GET /api/admin/jobs/failed): an email that exhausted its retries, or a sweep run. */
export interface FailedJob {
  outboxId: string | null;
  queue: string;
  jobId: string | null;
  outboxStatus: "pending" | "dispatched" | "done" | "failed" | null;
  attempts: number;
  error: string;
  failedAt: string | null;
  createdAt: string | null;
  email: { id: string; to: string; subject: string; dedupeKey: string; status: "queued" | "sent" | "failed" } | null;
  retryable: boolean;
}

export interface FailedJobsPage {
  items: FailedJob[];
  total: number;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 25;

export const getFailedJobs = (page: number, signal?: AbortSignal) =>
  api<FailedJobsPage>("/api/admin/jobs/failed", { query: { page, pageSize: PAGE_SIZE }, signal });
export const retryFailedJob = (outboxId: string) =>
  api<{ outboxId: string; queue: string; outboxStatus: "pending" }>(`/api/admin/jobs/${outboxId}/retry`, {
    method: "POST",
  });

export const failedJobsQueryOptions = (page?: number) =>
  queryOptions({
    queryKey: page ? ["jobs", "failed", page] : ["jobs", "failed"],
    queryFn: ({ signal }) => getFailedJobs(page ?? 1, signal),
    placeholderData: keepPreviousData,
  });

export function useFailedJobs(page: number) {
  return useQuery(failedJobsQueryOptions(page));
}

/** A retried job leaves the list once it is delivered; the list is refetched after the retry. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryFailedJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: failedJobsQueryOptions().queryKey }),
  });
}
