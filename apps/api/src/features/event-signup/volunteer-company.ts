import { employerInterests, organizations, type Tx, users } from "@bridgework/db";
import {
  EVENT_KIND_WAY,
  type EventKind,
  emailDomain,
  exactSignals,
  normalizeCompanyName,
  scoreDuplicate,
  type VolunteerDetails,
} from "@bridgework/domain";
import { and, asc, eq, or, sql } from "drizzle-orm";

/** Who the volunteer's company is to Bridgework: a known employer, an earlier lead, or a new lead. */
export interface VolunteerCompany {
  userId: string | null;
  organizationId: string | null;
  interestId: string | null;
}

interface Facts {
  regionId: string;
  details: VolunteerDetails;
  email: string;
  event: { id: string; title: string; kind: EventKind };
  ip: string;
  now: Date;
}

/**
 * An active employer contact of the region signing up with their account's email is linked
 * (user and employer). Otherwise the company is looked up: an employer of the region that is a
 * likely duplicate by the rule of duplicates.ts (name similarity in PostgreSQL plus the email
 * domain), or an earlier lead from the same email domain (or the same address, for free mail), is
 * linked instead of creating anything. Only a company new on both counts becomes a lead: a
 * `waiting` employer_interests row (confirmed now: the sign-up itself is the company's hand
 * raised) with the volunteer as contact, so it shows in the intermediary's vetting queue.
 */
export async function volunteerCompany(tx: Tx, f: Facts): Promise<VolunteerCompany> {
  const [contact] = await tx
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(
      and(
        eq(users.regionId, f.regionId),
        eq(users.role, "employer"),
        eq(users.status, "active"),
        sql`lower(${users.email}) = ${f.email}`,
      ),
    );
  if (contact) return { userId: contact.id, organizationId: contact.organizationId, interestId: null };

  const domain = emailDomain(f.email);
  // Two sign-ups from one new company at once: the second waits here and finds the first's lead.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`volunteer-lead:${f.regionId}:${domain ?? f.email}`}, 0))`,
  );
  const employer = await likelyEmployer(tx, f.regionId, f.details.employerName, f.email);
  if (employer) return { userId: null, organizationId: employer, interestId: null };

  const [earlier] = await tx
    .select({ id: employerInterests.id, organizationId: employerInterests.organizationId })
    .from(employerInterests)
    .where(
      and(
        eq(employerInterests.regionId, f.regionId),
        domain
          ? or(
              eq(employerInterests.contactEmail, f.email),
              sql`${employerInterests.contactEmail} LIKE ${`%@${domain.replace(/[\\%_]/g, (c) => `\\${c}`)}`}`,
            )
          : eq(employerInterests.contactEmail, f.email),
      ),
    )
    .orderBy(asc(employerInterests.createdAt))
    .limit(1);
  if (earlier) {
    return earlier.organizationId
      ? { userId: null, organizationId: earlier.organizationId, interestId: null }
      : { userId: null, organizationId: null, interestId: earlier.id };
  }

  const [lead] = await tx
    .insert(employerInterests)
    .values({
      regionId: f.regionId,
      status: "waiting",
      companyName: f.details.employerName,
      sectors: f.details.sectors,
      contactName: f.details.name,
      contactEmail: f.email,
      contactPhone: f.details.phone || null,
      language: f.details.language,
      ways: [EVENT_KIND_WAY[f.event.kind]],
      note: `Volunteered for the event "${f.event.title}" (${f.event.id}).`,
      ip: f.ip,
      confirmedAt: f.now,
      createdAt: f.now,
      updatedAt: f.now,
    })
    .returning({ id: employerInterests.id });
  return { userId: null, organizationId: null, interestId: lead!.id };
}

/**
 * The region's employer this company most likely is (score ≥ LIKELY_DUPLICATE by the rule in
 * duplicates.ts), or null. Candidates by trigram on the name or by the email domain of their
 * people; the name similarity is pg_trgm's, as the vetting queue computes it.
 */
async function likelyEmployer(tx: Tx, regionId: string, companyName: string, email: string): Promise<string | null> {
  const normalized = normalizeCompanyName(companyName);
  const domain = emailDomain(email);
  const candidates = await tx
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
        eq(organizations.regionId, regionId),
        eq(organizations.type, "employer"),
        or(
          sql`lower(${organizations.name}) % ${companyName.toLowerCase()}`,
          sql`lower(${organizations.name}) % ${normalized}`,
          ...(domain
            ? [
                sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.organizationId} = ${organizations.id} AND ${users.email} LIKE ${`%@${domain}`})`,
              ]
            : []),
        ),
      ),
    )
    .limit(50);
  if (candidates.length === 0) return null;
  const names = candidates.map((c) => normalizeCompanyName(c.name));
  const result = await tx.execute<{ i: number; s: number }>(
    sql`SELECT t.i::int AS i, similarity(${normalized}::text, t.other)::float8 AS s FROM unnest(${sql.param(names)}::text[]) WITH ORDINALITY AS t(other, i)`,
  );
  const similarity = new Array<number>(names.length).fill(0);
  for (const r of result.rows) similarity[Number(r.i) - 1] = Number(r.s);
  let best: { id: string; score: number } | null = null;
  candidates.forEach((c, i) => {
    const scored = scoreDuplicate(
      similarity[i] ?? 0,
      exactSignals(
        { name: companyName, emails: [email] },
        { name: c.name, website: c.website, emails: c.emails ?? [], postalCode: c.postalCode },
      ),
    );
    if (scored.likely && (!best || scored.score > best.score)) best = { id: c.id, score: scored.score };
  });
  return (best as { id: string } | null)?.id ?? null;
}
