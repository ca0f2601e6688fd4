import { guardFormula } from "@bridgework/domain";
import { downloadFile, saveBlob } from "../../../lib/download.ts";

/** Fetches a report as CSV and saves it. */
export function downloadCsv(
  path: string,
  query: Record<string, string | number | undefined>,
  filename: string,
): Promise<void> {
  return downloadFile(path, { accept: "text/csv", filename, query });
}

/**
 * Saves rows the page already has (a report the API serves only as JSON) as a CSV file, with
 * the API's formula guard on text cells (numbers stay numbers).
 */
export function saveCsv(rows: (string | number | null)[][], filename: string): void {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : typeof v === "number" ? String(v) : guardFormula(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  saveBlob(
    new Blob([`${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" }),
    filename,
  );
}
