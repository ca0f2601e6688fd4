import { KINDS, LEVELS, MODALITIES, OPPORTUNITY_STATUSES } from "@bridgework/domain";
import type { CatalogDoc } from "./catalog-doc.ts";

/**
 * Which opportunities a list keeps, as values: each list given allows those values only (none
 * given: any); `minSeatsLeft`, `endsAtLeast` (ms; no end date passes) and `minAgeAtMost` (no
 * minimum age passes) bound the rest. The caller states who may see what and the list's
 * filters; `DocColumns` checks it without touching the documents.
 */
export interface DocFilter {
  statuses?: readonly string[];
  kinds?: readonly string[];
  levels?: readonly string[];
  modalities?: readonly string[];
  sectors?: readonly string[];
  employerIds?: readonly string[];
  minSeatsLeft?: number;
  endsAtLeast?: number;
  minAgeAtMost?: number;
}

/** A `DocFilter` as codes: bit masks for the small value sets, one code (or any) for sector and employer. */
export interface CompiledFilter {
  statuses: number;
  kinds: number;
  levels: number;
  modalities: number;
  /** `ANY`, `NONE` (no document can match), or the one code allowed. */
  sector: number;
  employer: number;
  minSeatsLeft: number;
  endsAtLeast: number;
  minAgeAtMost: number;
  /** Nothing is filtered (an intermediary's list with no filters): no column needs reading. */
  keepsAll: boolean;
  /** Only the state is filtered (a teacher's or coordinator's list with no filters): one column. */
  onlyStatuses: boolean;
}

const ANY = -1;
const NONE = -2;
const ALL_BITS = 0x7fffffff;
/** A value outside the known lists (the database's enums) gets this bit: only "any" lets it through. */
const UNKNOWN_BIT = 30;
const NO_MIN_AGE = -32768;

const bitOf = (values: readonly string[], value: string) => {
  const i = values.indexOf(value);
  return i < 0 ? UNKNOWN_BIT : i;
};
/** A modality's code in `DocColumns.modality`. */
export const modalityCode = (modality: string) => bitOf(MODALITIES, modality);
const maskOf = (values: readonly string[], allowed: readonly string[] | undefined) =>
  allowed === undefined
    ? ALL_BITS
    : allowed.reduce((mask, v) => (values.includes(v) ? mask | (1 << bitOf(values, v)) : mask), 0);

/**
 * Sector, employer and city codes for a region, given as documents bring values (they only
 * grow); a value no document has is `NONE` when asked for (`known`), and gets no code.
 */
export class Codes {
  private readonly sectors = new Map<string, number>();
  private readonly employers = new Map<string, number>();
  private readonly cities = new Map<string, number>();

  sector(value: string): number {
    return codeOf(this.sectors, value);
  }

  employer(value: string): number {
    return codeOf(this.employers, value);
  }

  city(value: string): number {
    return codeOf(this.cities, value);
  }

  /** How many employer codes there are (codes are 0 to this, less one). */
  get employerCount(): number {
    return this.employers.size;
  }

  known(kind: "sector" | "employer" | "city", value: string): number {
    const map = kind === "sector" ? this.sectors : kind === "employer" ? this.employers : this.cities;
    return map.get(value) ?? NONE;
  }

  compile(filter: DocFilter): CompiledFilter {
    const one = (map: Map<string, number>, allowed: readonly string[] | undefined) => {
      if (allowed === undefined) return ANY;
      const values = [...new Set(allowed)];
      // Lists filter by one sector or employer, and scope is one organization: one value at most.
      if (values.length > 1) throw new Error("DocFilter: sectors and employerIds take one value at most");
      return values.length === 0 ? NONE : (map.get(values[0]!) ?? NONE);
    };
    const sector = one(this.sectors, filter.sectors);
    const employer = one(this.employers, filter.employerIds);
    const compiled = {
      statuses: maskOf(OPPORTUNITY_STATUSES, filter.statuses),
      kinds: maskOf(KINDS, filter.kinds),
      levels: maskOf(LEVELS, filter.levels),
      modalities: maskOf(MODALITIES, filter.modalities),
      sector,
      employer,
      minSeatsLeft: filter.minSeatsLeft ?? -Infinity,
      endsAtLeast: filter.endsAtLeast ?? -Infinity,
      minAgeAtMost: filter.minAgeAtMost ?? Infinity,
    };
    const othersOpen =
      compiled.kinds === ALL_BITS &&
      compiled.levels === ALL_BITS &&
      compiled.modalities === ALL_BITS &&
      sector === ANY &&
      employer === ANY &&
      compiled.minSeatsLeft === -Infinity &&
      compiled.endsAtLeast === -Infinity &&
      compiled.minAgeAtMost === Infinity;
    const statusesOpen = compiled.statuses === ALL_BITS;
    return { ...compiled, keepsAll: othersOpen && statusesOpen, onlyStatuses: othersOpen && !statusesOpen };
  }
}
function codeOf(map: Map<string, number>, value: string): number {
  let code = map.get(value);
  if (code === undefined) map.set(value, (code = map.size));
  return code;
}

/**
 * What the list's filters read, one typed array per field, indexed like a list of documents:
 * keeping a few thousand hits then reads a few arrays in order instead of following each
 * document's objects across the heap.
 */
export class DocColumns {
  readonly status: Uint8Array;
  readonly kind: Uint8Array;
  readonly level: Uint8Array;
  readonly modality: Uint8Array;
  readonly sector: Int32Array;
  readonly employer: Int32Array;
  readonly seatsLeft: Int32Array;
  readonly endsAt: Float64Array;
  readonly minAge: Int16Array;
  /** The start in ms, NaN when there is none. */
  readonly startsAt: Float64Array;
  /** The city, lowercased, as a code; -1 when there is none. */
  readonly city: Int32Array;

  constructor(
    docs: readonly CatalogDoc[],
    private readonly codes: Codes,
  ) {
    const n = docs.length;
    this.status = new Uint8Array(n);
    this.kind = new Uint8Array(n);
    this.level = new Uint8Array(n);
    this.modality = new Uint8Array(n);
    this.sector = new Int32Array(n);
    this.employer = new Int32Array(n);
    this.seatsLeft = new Int32Array(n);
    this.endsAt = new Float64Array(n);
    this.minAge = new Int16Array(n);
    this.startsAt = new Float64Array(n);
    this.city = new Int32Array(n);
    docs.forEach((doc, i) => this.set(i, doc));
  }

  /** Points entry `i` at (a newer version of) a document. */
  set(i: number, doc: CatalogDoc): void {
    const row = doc.row;
    this.status[i] = bitOf(OPPORTUNITY_STATUSES, row.status);
    this.kind[i] = bitOf(KINDS, row.kind);
    this.level[i] = bitOf(LEVELS, row.level);
    this.modality[i] = bitOf(MODALITIES, row.modality);
    this.sector[i] = this.codes.sector(row.sector);
    this.employer[i] = this.codes.employer(row.employerId);
    this.seatsLeft[i] = row.capacity - row.seatsTaken;
    this.endsAt[i] = doc.endsAtMs ?? Infinity;
    this.minAge[i] = row.minAge ?? NO_MIN_AGE;
    this.startsAt[i] = doc.startsAtMs ?? NaN;
    this.city[i] = row.city ? this.codes.city(row.city.toLowerCase()) : -1;
  }

  /**
   * Moves the entries of `entries` that pass the filter to its front, in order, and says how
   * many. The common filters get loops of their own, which the general check made twice as
   * slow: none (an intermediary's list), or only the state (who may see what: a teacher's,
   * a coordinator's).
   */
  keepInPlace(entries: Int32Array, f: CompiledFilter): number {
    if (f.keepsAll) return entries.length;
    let kept = 0;
    if (f.onlyStatuses) {
      const status = this.status;
      const statuses = f.statuses;
      for (let k = 0; k < entries.length; k++) {
        const i = entries[k]!;
        if ((statuses & (1 << status[i]!)) !== 0) entries[kept++] = i;
      }
      return kept;
    }
    // The filter's values and the columns read into locals: in these loops V8 reloads an
    // object's property on every pass (a third or more of the loop's time, measured).
    const { statuses, kinds, levels, modalities, sector, employer, minSeatsLeft, endsAtLeast, minAgeAtMost } = f;
    const { status, kind, level, modality, sector: sectorOf, employer: employerOf, seatsLeft, endsAt, minAge } = this;
    for (let k = 0; k < entries.length; k++) {
      const i = entries[k]!;
      if (
        (statuses === ALL_BITS || (statuses & (1 << status[i]!)) !== 0) &&
        (kinds === ALL_BITS || (kinds & (1 << kind[i]!)) !== 0) &&
        (levels === ALL_BITS || (levels & (1 << level[i]!)) !== 0) &&
        (modalities === ALL_BITS || (modalities & (1 << modality[i]!)) !== 0) &&
        (sector === ANY || sectorOf[i] === sector) &&
        (employer === ANY || employerOf[i] === employer) &&
        (minSeatsLeft === -Infinity || seatsLeft[i]! >= minSeatsLeft) &&
        (endsAtLeast === -Infinity || endsAt[i]! >= endsAtLeast) &&
        (minAgeAtMost === Infinity || minAge[i]! <= minAgeAtMost)
      )
        entries[kept++] = i;
    }
    return kept;
  }
}
