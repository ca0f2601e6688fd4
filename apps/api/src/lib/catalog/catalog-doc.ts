import { type DbOrTx, opportunities, organizations } from "@bridgework/db";
import { type Opportunity, type SearchField, wordsOf } from "@bridgework/domain";
import { and, eq, gte, sql } from "drizzle-orm";
import { type OpportunityRow, opportunityColumns, toOpportunity } from "../queries/opportunities.ts";

/** One opportunity as the in-memory catalog keeps it: the row, its employer's name, and what filters and ranking read often. */
export interface CatalogDoc {
  row: OpportunityRow;
  employerName: string;
  createdAtMs: number;
  startsAtMs: number | null;
  endsAtMs: number | null;
  /** The words of each searchable field, worked out on first need (overlay docs, phrases). */
  words?: Record<SearchField, string[]>;
  /** The API shape as JSON in UTF-8, worked out on first need (pages are put together from these bytes). */
  json?: Buffer;
}

export function toDoc(row: OpportunityRow, employerName: string): CatalogDoc {
  return {
    row,
    employerName,
    createdAtMs: row.createdAt.getTime(),
    startsAtMs: row.startsAt?.getTime() ?? null,
    endsAtMs: row.endsAt?.getTime() ?? null,
  };
}

/** Whether two versions of a document have the same searchable text (a change that did not touch it leaves the index's postings true). */
export function sameText(a: CatalogDoc, b: CatalogDoc): boolean {
  return a.row.title === b.row.title && a.row.sector === b.row.sector && a.row.description === b.row.description;
}

export function docWords(doc: CatalogDoc): Record<SearchField, string[]> {
  doc.words ??= {
    title: wordsOf(doc.row.title),
    sector: wordsOf(doc.row.sector),
    description: wordsOf(doc.row.description),
  };
  return doc.words;
}

export function docJson(doc: CatalogDoc): Buffer {
  doc.json ??= Buffer.from(
    JSON.stringify(toOpportunity({ opportunity: doc.row, employerName: doc.employerName }) satisfies Opportunity),
  );
  return doc.json;
}

/** Sooner start first (undated last), then by id: the order suggestions break ties in. */
export function soonestFirst(a: CatalogDoc, b: CatalogDoc): number {
  return (
    (a.startsAtMs ?? Infinity) - (b.startsAtMs ?? Infinity) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
  );
}

/** Newest first, then by id (descending), as the list pages. */
export function newestFirst(a: CatalogDoc, b: CatalogDoc): number {
  return b.createdAtMs - a.createdAtMs || (a.row.id < b.row.id ? 1 : a.row.id > b.row.id ? -1 : 0);
}

export interface RegionChanges {
  /** The snapshot's xmin: the next look asks for stamps at or after it. */
  watermark: string;
  docs: CatalogDoc[];
  /** Employers whose name may have changed. */
  employers: { id: string; name: string }[];
}

/**
 * A region's opportunities written at or after `since` (all of them when null), and its
 * employers changed since then, read in one repeatable-read snapshot together with that
 * snapshot's xmin. Every transaction older than the xmin had ended when the snapshot was
 * taken, so what it wrote is in this read or an earlier one: asking next time from this xmin
 * misses nothing (some rows come twice; that is harmless).
 */
export async function readRegionChanges(db: DbOrTx, regionId: string, since: string | null): Promise<RegionChanges> {
  return db.transaction(
    async (tx) => {
      const [snapshot] = await tx
        .execute<{ xmin: string }>(sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)
        .then((r) => r.rows);
      const rows = await tx
        .select(opportunityColumns)
        .from(opportunities)
        .innerJoin(organizations, eq(organizations.id, opportunities.employerId))
        .where(
          and(
            eq(opportunities.regionId, regionId),
            since === null ? undefined : gte(opportunities.changedXact, sql`${since}::xid8`),
          ),
        );
      const employers =
        since === null
          ? []
          : await tx
              .select({ id: organizations.id, name: organizations.name })
              .from(organizations)
              .where(and(eq(organizations.regionId, regionId), gte(organizations.changedXact, sql`${since}::xid8`)));
      return {
        watermark: snapshot!.xmin,
        docs: rows.map((r) => toDoc(r.opportunity, r.employerName)),
        employers,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
