import type { Readable } from "node:stream";
import { type Options, type Stringifier, stringify } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";
import type { FastifyReply } from "fastify";
import { guardFormula } from "./csv-cell.ts";

/** A column of a CSV file: the record's key and the header written for it. */
export interface CsvColumn {
  key: string;
  header: string;
}

export type CsvColumns = readonly (string | CsvColumn)[];

/**
 * The one set of options every CSV this API writes uses: each text cell goes through the
 * formula guard (csv-cell.ts), booleans are Y/N. Numbers are cast by csv-stringify as numbers,
 * so a count of -3 stays -3; only text that a spreadsheet would run is prefixed.
 */
function options(columns: CsvColumns): Options {
  return { header: true, columns: [...columns], cast: { string: guardFormula, boolean: (v) => (v ? "Y" : "N") } };
}

/** A streaming writer (object records in, CSV text out) for large downloads. */
export function csvStream(columns: CsvColumns): Stringifier {
  return stringify(options(columns));
}

/** Small files held in memory: a template, an aggregated report, a district's students. */
export function csvText(records: readonly Record<string, unknown>[], columns: CsvColumns): string {
  return stringifySync([...records], options(columns));
}

/**
 * Sends a CSV download: UTF-8, an attachment with its file name, and `no-store` because
 * exports carry student data that no shared cache may keep.
 */
export function sendCsvFile(reply: FastifyReply, body: string | Readable, filename: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store")
    .send(body);
}
