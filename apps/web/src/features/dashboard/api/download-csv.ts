import { refreshSession } from "../../../lib/api-client.ts";
import { toApiError } from "../../../lib/api-error.ts";
import { session } from "../../../lib/session.ts";

type QueryValue = string | number | undefined;

function url(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Fetches a report as CSV with the in-memory access token (a plain link could not send it) and
 * saves it through a temporary Blob link.
 */
export async function downloadCsv(path: string, query: Record<string, QueryValue>, filename: string): Promise<void> {
  const send = () =>
    fetch(url(path, query), { headers: { accept: "text/csv", authorization: `Bearer ${session.token() ?? ""}` }, credentials: "same-origin" });
  let res = await send();
  if (res.status === 401 && (await refreshSession())) res = await send();
  if (!res.ok) throw await toApiError(res);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Saves rows the page already has (a report the API serves only as JSON) as a CSV file. */
export function saveCsv(rows: (string | number | null)[][], filename: string): void {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const blob = new Blob([`${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
