import { guardFormula } from "@bridgework/domain";
import { stringify } from "csv-stringify/sync";
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { Row } from "./export-tables.ts";

/**
 * A ZIP built in memory with fflate: text files deflated, PDFs stored as they are (already
 * compressed; storing keeps them byte-identical and costs no CPU). fflate because it has no
 * dependencies, is widely used, streams entries as they are added, and reads ZIPs back too (the
 * tests open the archive with the same library).
 */
export function createArchive(modified: Date) {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else {
      chunks.push(data);
      if (final) finished = true;
    }
  });
  const add = (name: string, bytes: Uint8Array, compress: boolean) => {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    entry.mtime = modified;
    zip.add(entry);
    entry.push(bytes, true);
  };
  return {
    addText: (name: string, text: string) => add(name, strToU8(text), true),
    addBinary: (name: string, bytes: Uint8Array) => add(name, bytes, false),
    /** The whole archive. fflate's synchronous entries have all been written by now. */
    finish(): Buffer {
      zip.end();
      if (failure) throw failure;
      if (!finished) throw new Error("the ZIP did not finish");
      return Buffer.concat(chunks);
    },
  };
}

/**
 * A file's rows as CSV: every text cell through the formula guard (a student's name or a note
 * typed as `=HYPERLINK(…)` stays text in a spreadsheet), instants in ISO 8601 UTC, jsonb values as
 * JSON, empty for null.
 */
export function toCsv(rows: Row[], columns: string[]): string {
  return stringify(rows, {
    header: true,
    columns,
    cast: {
      string: guardFormula,
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? "true" : "false"),
      object: (value) => JSON.stringify(value),
    },
  });
}

/** The same rows as JSON (an array of objects, in the CSV's columns). */
export function toJson(rows: Row[], columns: string[]): string {
  return `${JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))),
    null,
    2,
  )}\n`;
}
