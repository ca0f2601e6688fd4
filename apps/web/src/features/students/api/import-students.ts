import type { ImportResult } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, interfaceLanguage } from "../../../lib/api-client.ts";
import { toApiError } from "../../../lib/api-error.ts";
import { downloadFile } from "../../../lib/download.ts";
import { session } from "../../../lib/session.ts";
import { studentsQueryOptions } from "./get-students.ts";

export interface ImportStatus extends ImportResult {
  id: string;
  status: "running" | "done" | "failed";
  processed: number;
  total: number;
  detail: string | null;
}

/**
 * Starts a background import (`?async=1` → 202 {importId}). The body is CSV, which the JSON
 * api() helper does not send; a 401 here re-runs through api() once to refresh the session.
 */
export async function startStudentImport(file: File): Promise<{ importId: string }> {
  return postCsv<{ importId: string }>("/api/students/import?async=1", file);
}

/** What importing the file would do, row by row; nothing is saved. */
export interface ImportPreview {
  format: "bridgework" | "oneroster";
  total: number;
  create: number;
  update: number;
  errors: number;
  rows: {
    row: number;
    outcome: "create" | "update" | "error";
    localId: string | null;
    name: string | null;
    school: string | null;
    problems: { field: string | null; message: string }[];
  }[];
}

export function previewStudentImport(file: File): Promise<ImportPreview> {
  return postCsv<ImportPreview>("/api/students/import/preview", file);
}

async function postCsv<T>(url: string, file: File): Promise<T> {
  const post = () =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "text/csv",
        accept: "application/json, application/problem+json",
        "accept-language": interfaceLanguage(),
        authorization: `Bearer ${session.token() ?? ""}`,
      },
      body: file,
      credentials: "same-origin",
    });
  let res = await post();
  if (res.status === 401) {
    await api("/api/me").catch(() => undefined);
    res = await post();
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

export function usePreviewStudentImport() {
  return useMutation({ mutationFn: previewStudentImport });
}

/** The CSV template (columns and one example row, in the reader's language). */
export function downloadImportTemplate(): Promise<void> {
  return downloadFile("/api/students/import-template.csv", { accept: "text/csv", filename: "students-template.csv" });
}

export const getImportStatus = (id: string, signal?: AbortSignal) =>
  api<ImportStatus>(`/api/students/imports/${id}`, { signal });

export const importStatusQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["students", "imports", id],
    queryFn: ({ signal }) => getImportStatus(id, signal),
    // Poll while the import runs; stop once it is done or failed.
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : 500),
  });

export function useImportStatus(id: string | null) {
  return useQuery({ ...importStatusQueryOptions(id ?? ""), enabled: id !== null });
}

export function useStartStudentImport() {
  return useMutation({ mutationFn: startStudentImport });
}

export function useRefreshStudentsAfterImport() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: studentsQueryOptions().queryKey });
}
