import { type DbOrTx, employerInterests, opportunities, organizations, type Tx, users } from "@bridgework/db";
import {
  type CompanyFacts,
  emailDomain,
  exactSignals,
  type InterestMatch,
  type InterestSubmission,
  type Modality,
  NotFound,
  normalizeCompanyName,
  ownWebsiteDomain,
  POSSIBLE_DUPLICATE,
  postalCode5,
  SECTORS,
  type Sector,
  scoreDuplicate,
  standingOfferDraft,
  InvalidTransition,
  type WayToHelp,
} from "@bridgework/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";

export type InterestRow = typeof employerInterests.$inferSelect;

/** Matches shown per submission. */
const SHOWN = 5;

export function toSubmission(row: InterestRow, matches: InterestMatch[]): InterestSubmission {
  return {
    id: row.id,
    status: row.status,
    companyName: row.companyName,
    website: row.website,
    companySize: (row.companySize as InterestSubmission["companySize"]) ?? null,
    street: row.street,
    city: row.city,
    postalCode: row.postalCode,
    sectors: row.sectors,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    contactRole: row.contactRole,
    language: row.language,
    ways: row.ways,
    months: row.months,
    modality: row.modality,
    note: row.note,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    organizationId: row.organizationId,
    declineReason: row.declineReason,
    createdAt: row.createdAt.toISOString(),
    matches,
  };
}

/**
 * A confirmed submission of the region (never an unconfirmed one: it does not exist for the
 * queue), locked when deciding. Anything else is 404.
 */
export async function findSubmission(db: DbOrTx, regionId: string, id: string, lock = false): Promise<InterestRow> {
  const query = db
    .select()
    .from(employerInterests)
    .where(
      and(
        eq(employerInterests.id, id),
        eq(employerInterests.regionId, regionId),
        ne(employerInterests.status, "unconfirmed"),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFound("submission");
  return row;
}

/**
 * The submission about to be decided, locked so that of two intermediaries deciding at once
 * exactly one wins: the other finds it decided and gets 409 invalid-transition.
 */
export async function lockWaitingSubmission(
  tx: DbOrTx,
  regionId: string,
  id: string,
  decision: "approved" | "merged" | "declined",
): Promise<InterestRow> {
  const row = await findSubmission(tx, regionId, id, true);
  if (row.status !== "waiting") throw new InvalidTransition("submission", row.status, decision);
  return row;
}

interface Candidate {
  kind: InterestMatch["kind"];
  id: string;
  name: string;
  status: InterestMatch["status"];
  facts: CompanyFacts;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Likely duplicates of a submission: employers of its region and earlier confirmed submissions.
 * Candidates are found by trigram (pg_trgm `%` on lower(name), served by the GIN indexes of
 * migration 0020) or by a shared website domain, email domain or postal code; each is scored by
 * the domain rule with PostgreSQL's `similarity()` of the normalized names. Best first.
 */
export async function findMatches(db: DbOrTx, row: InterestRow): Promise<InterestMatch[]> {
  const name = row.companyName.toLowerCase();
  const normalized = normalizeCompanyName(row.companyName);
  const site = ownWebsiteDomain(row.website);
  const mail = emailDomain(row.contactEmail);
  const postal = postalCode5(row.postalCode);

  const orgDomainHit = (column: typeof organizations.website) =>
    sql.join(
      [site, mail].filter((d): d is string => d !== null).map((d) => sql`${column} ILIKE ${like(d)}`),
      sql` OR `,
    );
  const orgConditions = [
    sql`lower(${organizations.name}) % ${name}`,
    sql`lower(${organizations.name}) % ${normalized}`,
    ...(site || mail ? [orgDomainHit(organizations.website)] : []),
    ...(mail
      ? [
          sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.organizationId} = ${organizations.id} AND ${users.email} LIKE ${`%@${mail}`})`,
        ]
      : []),
    ...(postal ? [sql`left(${organizations.postalCode}, 5) = ${postal}`] : []),
  ];
  const orgs = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      website: organizations.website,
      postalCode: organizations.postalCode,
      emails: sql<
        string[] | null
      >`(SELECT array_agg(${users.email}) FROM ${users} WHERE ${users.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .where(
      and(
        eq(organizations.regionId, row.regionId),
        eq(organizations.type, "employer"),
        sql`(${sql.join(orgConditions, sql` OR `)})`,
      ),
    )
    .limit(100);

  const subConditions = [
    sql`lower(${employerInterests.companyName}) % ${name}`,
    sql`lower(${employerInterests.companyName}) % ${normalized}`,
    ...(site ? [sql`${employerInterests.website} ILIKE ${like(site)}`] : []),
    ...(mail ? [sql`${employerInterests.contactEmail} LIKE ${`%@${mail}`}`] : []),
    ...(postal ? [sql`left(${employerInterests.postalCode}, 5) = ${postal}`] : []),
  ];
  const subs = await db
    .select()
    .from(employerInterests)
    .where(
      and(
        eq(employerInterests.regionId, row.regionId),
        ne(employerInterests.id, row.id),
        ne(employerInterests.status, "unconfirmed"),
        sql`${employerInterests.createdAt} < ${row.createdAt.toISOString()}`,
        sql`(${sql.join(subConditions, sql` OR `)})`,
      ),
    )
    .limit(100);

  const candidates: Candidate[] = [
    ...orgs.map((o) => ({
      kind: "organization" as const,
      id: o.id,
      name: o.name,
      status: null,
      facts: { name: o.name, website: o.website, emails: o.emails ?? [], postalCode: o.postalCode },
    })),
    ...subs.map((s) => ({
      kind: "submission" as const,
      id: s.id,
      name: s.companyName,
      status: s.status,
      facts: { name: s.companyName, website: s.website, emails: [s.contactEmail], postalCode: s.postalCode },
    })),
  ];
  if (candidates.length === 0) return [];
  const similarities = await nameSimilarities(
    db,
    normalized,
    candidates.map((c) => normalizeCompanyName(c.name)),
  );
  const self: CompanyFacts = {
    name: row.companyName,
    website: row.website,
    emails: [row.contactEmail],
    postalCode: row.postalCode,
  };
  return candidates
    .map((c, i) => {
      const r = scoreDuplicate(similarities[i] ?? 0, exactSignals(self, c.facts));
      return {
        kind: c.kind,
        id: c.id,
        name: c.name,
        status: c.status,
        score: r.score,
        likely: r.likely,
        signals: r.signals,
      };
    })
    .filter((m) => m.score >= POSSIBLE_DUPLICATE)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, SHOWN);
}

/** pg_trgm's similarity() of one normalized name against many, in one statement, in order. */
export async function nameSimilarities(db: DbOrTx, name: string, others: string[]): Promise<number[]> {
  const result = await db.execute<{ i: number; s: number }>(
    sql`SELECT t.i::int AS i, similarity(${name}::text, t.other)::float8 AS s FROM unnest(${sql.param(others)}::text[]) WITH ORDINALITY AS t(other, i)`,
  );
  const out = new Array<number>(others.length).fill(0);
  for (const r of result.rows) out[Number(r.i) - 1] = Number(r.s);
  return out;
}

/** The submission's sectors the domain knows, and any extra ones, without repeats. */
export function knownSectors(...lists: readonly string[][]): Sector[] {
  const set = new Set<Sector>();
  for (const list of lists) for (const s of list) if ((SECTORS as readonly string[]).includes(s)) set.add(s as Sector);
  return [...set];
}

/**
 * Standing offers: one draft opportunity per chosen way to help (skipping kinds in `skipKinds`,
 * which the employer already offers), written from the submission. Returns the new ids.
 */
export async function createStandingOffers(
  tx: Tx,
  args: {
    row: InterestRow;
    employerId: string;
    company: string;
    sector: Sector;
    createdBy: string;
    skipKinds?: ReadonlySet<string>;
  },
): Promise<string[]> {
  const { row } = args;
  const values = row.ways
    .map((way: WayToHelp) =>
      standingOfferDraft(way, {
        company: args.company,
        sector: args.sector,
        modality: (row.modality as Modality | null) ?? null,
        months: row.months,
        city: row.city,
        postalCode: row.postalCode,
        language: row.language,
      }),
    )
    .filter((d) => !args.skipKinds?.has(d.kind))
    .map((d) => ({
      regionId: row.regionId,
      employerId: args.employerId,
      kind: d.kind,
      level: d.level,
      sector: d.sector,
      title: d.title,
      description: d.description,
      modality: d.modality,
      city: d.city,
      postalCode: d.postalCode,
      capacity: d.capacity,
      status: "draft" as const,
      createdBy: args.createdBy,
      standingOfferOf: row.id,
    }));
  if (values.length === 0) return [];
  const created = await tx.insert(opportunities).values(values).returning({ id: opportunities.id });
  return created.map((c) => c.id);
}

/** Kinds the employer already offers (any opportunity not closed or archived). */
export async function offeredKinds(db: DbOrTx, employerId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ kind: opportunities.kind })
    .from(opportunities)
    .where(
      and(eq(opportunities.employerId, employerId), inArray(opportunities.status, ["draft", "published", "paused"])),
    );
  return new Set(rows.map((r) => r.kind));
}
