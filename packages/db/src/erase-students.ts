import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client.ts";

/**
 * Erasure of students (docs/privacy.md, Erasure): the one routine behind deleting a student,
 * erasing a district and the retention sweep, so all three remove the same things. It lives here,
 * beside the schema, because the API (deletion, district erasure) and the worker (retention
 * sweep) both run it and the worker does not depend on the API.
 *
 * What happens to each record that names a student:
 * - deleted: the student row (name, birth date, guardian name/email/phone, demographics), their
 *   placements and everything under them by ON DELETE CASCADE (documents with the rendered text,
 *   typed names and signed PDFs, one-time links, hours, evaluations); every email row about them
 *   (to a guardian, keyed by one of their records, or naming them) and its outbox row; failed
 *   logins and password-reset requests typed with a guardian's address.
 * - pseudonymized: audit rows about them keep action, time, actor and region; their record ids
 *   become one random stand-in per student (entity_id) and every name, address or id in the
 *   details becomes "erased-student-<hash>"; staff free text elsewhere (request notes, match
 *   notes, feedback comments, self-assessment notes, delivery errors) has their full name,
 *   guardian's name and address replaced by "[erased]".
 * - kept, naming no one: the report read model's rows for their completed placements, detached
 *   (placement_id null) and under the same random stand-in as student id, so every report total
 *   (experiences, distinct students, seats, hours, employers, evaluations) stays the same.
 */

export interface ErasureCounts {
  students: number;
  placements: number;
  documents: number;
  emails: number;
  outbox: number;
  auditPseudonymized: number;
  textsScrubbed: number;
  reportRowsKept: number;
}

export const NO_ERASURE: ErasureCounts = { students: 0, placements: 0, documents: 0, emails: 0, outbox: 0, auditPseudonymized: 0, textsScrubbed: 0, reportRowsKept: 0 };

export function addCounts(a: ErasureCounts, b: ErasureCounts): ErasureCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof ErasureCounts)[]) sum[key] += b[key];
  return sum;
}

/** What replaces one student's names, addresses and ids once they are erased. */
interface Erased {
  /** Random: links the audit rows and report rows of one erased student to each other, and to no one. */
  standIn: string;
  pseudonym: string;
  /** Exact strings (ids, local id, SSID, phone) replaced wherever a whole audit value equals them. */
  exact: string[];
  /** Words (names, addresses) replaced wherever they occur in an audit value. */
  words: string[];
  /** What free text elsewhere may name them by: full names and the guardian's address. */
  phrases: string[];
}

interface StudentRow extends Record<string, unknown> {
  id: string;
  first_name: string;
  last_name: string;
  local_id: string;
  ssid: string | null;
  guardian_name: string | null;
  guardian_email: string | null;
  guardian_phone: string | null;
}

const nonEmpty = (values: (string | null | undefined)[]) => [...new Set(values.map((v) => v?.trim() ?? "").filter((v) => v.length >= 2))];

function erasedOf(s: StudentRow, ids: string[]): Erased {
  const standIn = randomUUID();
  const fullName = `${s.first_name} ${s.last_name}`;
  return {
    standIn,
    pseudonym: `erased-student-${standIn.replaceAll("-", "").slice(0, 12)}`,
    exact: nonEmpty([...ids, s.local_id, s.ssid, s.guardian_phone]),
    words: nonEmpty([fullName, s.guardian_name, s.guardian_email, s.first_name, s.last_name, s.guardian_email?.toLowerCase()]),
    phrases: nonEmpty([fullName, s.guardian_name, s.guardian_email]),
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A case-insensitive, whole-word PostgreSQL (ARE) pattern for any of `phrases`, longest first. */
function wordPattern(phrases: string[]): string {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return `(?<![[:alnum:]_])(${alternatives.join("|")})(?![[:alnum:]_])`;
}

/**
 * Erases `studentIds` of `regionId` in the caller's transaction. Ids that are not (or no longer)
 * students of the region are skipped, so a second run does nothing. The caller audits the
 * erasure itself (who, when, how many — never whom).
 */
export async function eraseStudents(tx: Tx, { regionId, studentIds }: { regionId: string; studentIds: string[] }): Promise<ErasureCounts> {
  if (studentIds.length === 0) return { ...NO_ERASURE };
  const { rows: found } = await tx.execute<StudentRow>(sql`
    SELECT id, first_name, last_name, local_id, ssid, guardian_name, guardian_email, guardian_phone FROM students
    WHERE region_id = ${regionId} AND id = ANY(${sql.param(studentIds)}::uuid[]) ORDER BY id FOR UPDATE`);
  if (found.length === 0) return { ...NO_ERASURE };
  const ids = found.map((s) => s.id);

  // Placement rows first, then opportunities: the order withdrawal locks in, so no deadlock with it.
  const { rows: records } = await tx.execute<{ student_id: string; placement_id: string; opportunity_id: string; holds_seat: boolean; ids: string[] }>(sql`
    SELECT p.student_id, p.id AS placement_id, p.opportunity_id, p.status <> 'withdrawn' AS holds_seat,
      array_remove(
        ARRAY(SELECT d.id FROM documents d WHERE d.placement_id = p.id)
        || ARRAY(SELECT l.id FROM one_time_links l WHERE l.placement_id = p.id OR l.document_id IN (SELECT d.id FROM documents d WHERE d.placement_id = p.id))
        || ARRAY(SELECT h.id FROM hours_entries h WHERE h.placement_id = p.id)
        || ARRAY(SELECT e.id FROM evaluations e WHERE e.placement_id = p.id), NULL)::text[] AS ids
    FROM placements p WHERE p.student_id = ANY(${sql.param(ids)}::uuid[]) ORDER BY p.id FOR UPDATE OF p`);

  const recordIds = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  for (const r of records) recordIds.get(r.student_id)!.push(r.placement_id, ...r.ids);
  const erased = new Map(found.map((s) => [s.id, erasedOf(s, recordIds.get(s.id)!)]));
  const standInOf = new Map<string, string>();
  for (const [studentId, all] of recordIds) for (const id of all) standInOf.set(id, erased.get(studentId)!.standIn);
  const allIds = [...standInOf.keys()];
  const placementIds = records.map((r) => r.placement_id);

  // Every placement but a withdrawn one holds a seat (completed ones too, as with matches): give them back.
  const seats = new Map<string, number>();
  for (const r of records) if (r.holds_seat) seats.set(r.opportunity_id, (seats.get(r.opportunity_id) ?? 0) + 1);
  for (const [opportunityId, n] of [...seats].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await tx.execute(sql`UPDATE opportunities SET seats_taken = greatest(seats_taken - ${n}, 0) WHERE id = ${opportunityId}`);
  }

  // Report rows of completed placements stay, detached, under the student's stand-in: the
  // statement triggers keep the distinct-student flags right for the new id, and the row no
  // longer follows the placement (whose hours and evaluation go next) so its figures stay.
  const detached = placementIds.length
    ? await tx.execute(sql`
        UPDATE report_experiences x SET placement_id = NULL, student_id = m.stand_in
        FROM unnest(${sql.param(placementIds)}::uuid[], ${sql.param(placementIds.map((id) => standInOf.get(id)!))}::uuid[]) AS m(placement_id, stand_in)
        WHERE x.placement_id = m.placement_id`)
    : { rowCount: 0 };

  const everyone = [...erased.values()];
  const guardianEmails = nonEmpty(found.map((s) => s.guardian_email?.toLowerCase()));
  const phrasePattern = wordPattern(everyone.flatMap((e) => e.phrases));

  // Emails: to a guardian (unless the address is also a staff member's), keyed by one of their
  // records (doc:<id>…, placement:<id>…, hours-link:<link id>), or naming them in subject or body.
  const { rows: gone } = await tx.execute<{ id: string }>(sql`
    DELETE FROM emails e
    WHERE (e.region_id = ${regionId} OR e.region_id IS NULL) AND (
      (lower(e."to") = ANY(${sql.param(guardianEmails)}::text[]) AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = lower(e."to")))
      OR EXISTS (SELECT 1 FROM regexp_matches(e.dedupe_key, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') k WHERE k[1] = ANY(${sql.param(allIds)}::text[]))
      OR e.subject ~* ${phrasePattern} OR e.text ~* ${phrasePattern} OR coalesce(e.html, '') ~* ${phrasePattern})
    RETURNING e.id`);
  const emailIds = gone.map((e) => e.id);
  const outbox = emailIds.length
    ? await tx.execute(sql`DELETE FROM outbox WHERE queue = 'email' AND payload->>'emailId' = ANY(${sql.param(emailIds)}::text[])`)
    : { rowCount: 0 };
  await tx.execute(sql`
    DELETE FROM login_failures WHERE email = ANY(${sql.param(guardianEmails)}::text[]) AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = login_failures.email)`);
  await tx.execute(sql`DELETE FROM password_resets WHERE email = ANY(${sql.param(guardianEmails)}::text[]) AND user_id IS NULL`);

  const auditPseudonymized = await pseudonymizeAudit(tx, regionId, everyone, standInOf);
  const textsScrubbed = await scrubFreeText(tx, regionId, phrasePattern);

  // The rest goes by ON DELETE CASCADE: placements, documents (PDFs), links, hours, evaluations.
  const { rows: documents } = placementIds.length
    ? await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM documents WHERE placement_id = ANY(${sql.param(placementIds)}::uuid[])`)
    : { rows: [{ n: 0 }] };
  await tx.execute(sql`DELETE FROM students WHERE id = ANY(${sql.param(ids)}::uuid[])`);

  return {
    students: ids.length,
    placements: placementIds.length,
    documents: documents[0]?.n ?? 0,
    emails: emailIds.length,
    outbox: outbox.rowCount ?? 0,
    auditPseudonymized,
    textsScrubbed,
    reportRowsKept: detached.rowCount ?? 0,
  };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Audit rows naming them: entity ids become the stand-in, every name, address and id in the details the pseudonym. */
async function pseudonymizeAudit(tx: Tx, regionId: string, everyone: Erased[], standInOf: Map<string, string>): Promise<number> {
  const likes = everyone.flatMap((e) => e.words).map((w) => `%${escapeLike(w)}%`);
  const { rows } = await tx.execute<{ id: number; entity_id: string | null; details: Json }>(sql`
    SELECT a.id, a.entity_id, a.details FROM audit_log a
    WHERE a.region_id = ${regionId} AND (
      a.entity_id = ANY(${sql.param([...standInOf.keys()])}::uuid[])
      OR EXISTS (SELECT 1 FROM regexp_matches(a.details::text, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') k WHERE k[1] = ANY(${sql.param([...standInOf.keys()])}::text[]))
      OR a.details::text ILIKE ANY(${sql.param(likes)}::text[])
      OR EXISTS (SELECT 1 FROM jsonb_path_query(a.details, 'strict $.**') v WHERE jsonb_typeof(v) = 'string' AND v #>> '{}' = ANY(${sql.param(everyone.flatMap((e) => e.exact))}::text[])))
    ORDER BY a.id FOR UPDATE`);
  if (rows.length === 0) return 0;

  const exact = new Map<string, string>();
  for (const e of everyone) for (const x of e.exact) exact.set(x.toLowerCase(), e.pseudonym);
  const byWord = new Map<string, string>();
  for (const e of everyone) for (const w of e.words) byWord.set(w.toLowerCase(), e.pseudonym);
  const words = new RegExp(`(?<![\\p{L}\\p{N}_])(${[...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  const rewrite = (value: Json): Json => {
    if (typeof value === "string") {
      const whole = exact.get(value.toLowerCase());
      if (whole) return whole;
      return value.replace(words, (w) => byWord.get(w.toLowerCase()) ?? w).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => exact.get(id.toLowerCase()) ?? id);
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  const changed = rows.map((r) => ({
    id: r.id,
    entityId: r.entity_id && standInOf.has(r.entity_id) ? standInOf.get(r.entity_id)! : r.entity_id,
    details: r.details === null ? null : JSON.stringify(rewrite(r.details)),
  }));
  await tx.execute(sql`
    UPDATE audit_log a SET entity_id = c.entity_id, details = c.details::jsonb
    FROM unnest(${sql.param(changed.map((c) => c.id))}::bigint[], ${sql.param(changed.map((c) => c.entityId))}::uuid[], ${sql.param(changed.map((c) => c.details))}::text[]) AS c(id, entity_id, details)
    WHERE a.id = c.id`);
  return rows.length;
}

/**
 * Staff free text that may name a student in passing (a request's notes, a match's note or close
 * reason, match history notes, feedback comments, self-assessment notes, delivery errors): the
 * full name, guardian's name and address become "[erased]"; the record itself stays.
 */
async function scrubFreeText(tx: Tx, regionId: string, pattern: string): Promise<number> {
  const scrub = (column: string) => sql`${sql.identifier(column)} = regexp_replace(t.${sql.identifier(column)}, ${pattern}, '[erased]', 'gi')`;
  const hit = (column: string) => sql`t.${sql.identifier(column)} ~* ${pattern}`;
  const statements = [
    sql`UPDATE requests t SET ${scrub("notes")} WHERE t.region_id = ${regionId} AND ${hit("notes")}`,
    sql`UPDATE matches t SET ${scrub("note")}, ${scrub("close_reason")} WHERE t.region_id = ${regionId} AND (${hit("note")} OR ${hit("close_reason")})`,
    sql`UPDATE match_events t SET ${scrub("note")} FROM matches m WHERE m.id = t.match_id AND m.region_id = ${regionId} AND ${hit("note")}`,
    sql`UPDATE match_feedback t SET ${scrub("comment")} FROM matches m WHERE m.id = t.match_id AND m.region_id = ${regionId} AND ${hit("comment")}`,
    sql`UPDATE self_assessments t SET ${scrub("notes")} WHERE t.region_id = ${regionId} AND ${hit("notes")}`,
    sql`UPDATE emails t SET ${scrub("last_error")} WHERE (t.region_id = ${regionId} OR t.region_id IS NULL) AND ${hit("last_error")}`,
    sql`UPDATE outbox t SET ${scrub("last_error")} WHERE ${hit("last_error")}`,
  ];
  const results = [];
  for (const statement of statements) results.push(await tx.execute(statement));
  return results.reduce((n, r) => n + (r.rowCount ?? 0), 0);
}

/**
 * Students of the regions with a retention period whose last activity — the later of their own
 * last change and their placements' last end, completion, withdrawal or change — is older than
 * that many years. Oldest first, at most `limit`.
 */
export async function studentsDueForErasure(db: Db | Tx, now: Date, limit: number): Promise<{ regionId: string; studentId: string }[]> {
  const { rows } = await db.execute<{ region_id: string; student_id: string }>(sql`
    SELECT s.region_id, s.id AS student_id
    FROM students s JOIN regions r ON r.id = s.region_id
    LEFT JOIN LATERAL (
      SELECT max(greatest(p.end_date::timestamptz, p.completed_at, p.withdrawn_at, p.updated_at)) AS last FROM placements p WHERE p.student_id = s.id
    ) p ON true
    WHERE r.student_retention_years IS NOT NULL
      AND greatest(s.updated_at, p.last) < ${now}::timestamptz - make_interval(years => r.student_retention_years)
    ORDER BY greatest(s.updated_at, p.last), s.id
    LIMIT ${limit}`);
  return rows.map((r) => ({ regionId: r.region_id, studentId: r.student_id }));
}
