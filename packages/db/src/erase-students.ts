import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
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
 *   logins and password-reset requests typed with a guardian's address; their district's
 *   stored exports (ZIPs holding their records; the district can export again).
 * - pseudonymized: audit rows about them keep action, time, actor and region; their record ids
 *   become one random stand-in per student (entity_id) and every word that identifies them in
 *   the details (names, addresses, ids, local id, SSID, phone) becomes "erased-student-<hash>";
 *   staff free text elsewhere (request notes, match notes, feedback comments, self-assessment
 *   notes, delivery errors) has their full name, guardian's name and address replaced by "[erased]".
 * - kept, naming no one: the report read model's rows for their completed placements and held
 *   events, detached (placement_id / event_id null) and under the same random stand-in as student id, so every report total
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

export const NO_ERASURE: ErasureCounts = {
  students: 0,
  placements: 0,
  documents: 0,
  emails: 0,
  outbox: 0,
  auditPseudonymized: 0,
  textsScrubbed: 0,
  reportRowsKept: 0,
};

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
  /** Every word that identifies them (names, addresses, ids, local id, SSID, phone), replaced in audit details. */
  words: string[];
  /** What free text elsewhere may name them by: full names and the guardian's name and address. */
  phrases: string[];
  /** Words a text naming them by a phrase must contain (last names, the guardian's address): the cheap first filter. */
  keys: string[];
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

const nonEmpty = (values: (string | null | undefined)[]) => [
  ...new Set(values.map((v) => v?.trim() ?? "").filter((v) => v.length >= 2)),
];

/** Words as both sides split them: letters, digits and the characters of addresses and ids (so an email or a uuid is one word). */
const WORD = /[\p{L}\p{N}@._+-]+/gu;
const SQL_WORD_SEPARATOR = "[^[:alnum:]@._+-]+";
const wordsOf = (text: string) => (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 2);

function erasedOf(s: StudentRow, ids: string[]): Erased {
  const standIn = randomUUID();
  const fullName = `${s.first_name} ${s.last_name}`;
  const identifying = nonEmpty([
    ...ids,
    s.local_id,
    s.ssid,
    s.guardian_phone,
    fullName,
    s.guardian_name,
    s.guardian_email,
  ]);
  return {
    standIn,
    pseudonym: `erased-student-${standIn.replaceAll("-", "").slice(0, 12)}`,
    words: [...new Set(identifying.flatMap(wordsOf))],
    phrases: nonEmpty([fullName, s.guardian_name, s.guardian_email]),
    keys: [
      ...new Set(
        [s.last_name, s.guardian_name?.split(/\s+/).at(-1), s.guardian_email].flatMap((w) => (w ? wordsOf(w) : [])),
      ),
    ],
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `WITH words AS MATERIALIZED (…)`: `words` split as the database splits text, once. With
 * `mentions`, a query finds rows having one of them as a whole word by a hash join per row: the
 * same test as a regex of hundreds of alternatives or as many ILIKE patterns, which take minutes
 * on a region's rows (and so does an IN list the planner re-splits for every row).
 */
const withWords = (words: string[]) => sql`WITH words AS MATERIALIZED (
  SELECT DISTINCT x FROM unnest(${sql.param(words)}::text[]) t, regexp_split_to_table(lower(t), ${SQL_WORD_SEPARATOR}) x WHERE length(x) >= 2)`;
const mentions = (text: SQL) =>
  sql`EXISTS (SELECT 1 FROM regexp_split_to_table(lower(${text}), ${SQL_WORD_SEPARATOR}) w WHERE w IN (SELECT x FROM words))`;

/** Replaces every phrase (case-insensitive, whole words) in a text by `by(phrase)`. */
function phraseReplacer(everyone: Erased[], by: (e: Erased) => string): (text: string) => string {
  const owner = new Map<string, string>();
  for (const e of everyone) for (const p of e.phrases) owner.set(p.toLowerCase(), by(e));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])(${[...owner.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|")})(?![\\p{L}\\p{N}_])`,
    "giu",
  );
  return (text) => text.replace(pattern, (p) => owner.get(p.toLowerCase()) ?? p);
}

/**
 * Erases `studentIds` of `regionId` in the caller's transaction. Ids that are not (or no longer)
 * students of the region are skipped, so a second run does nothing. The caller audits the
 * erasure itself (who, when, how many — never whom).
 */
export async function eraseStudents(
  tx: Tx,
  { regionId, studentIds }: { regionId: string; studentIds: string[] },
): Promise<ErasureCounts> {
  if (studentIds.length === 0) return { ...NO_ERASURE };
  const { rows: found } = await tx.execute<StudentRow>(sql`
    SELECT id, first_name, last_name, local_id, ssid, guardian_name, guardian_email, guardian_phone FROM students
    WHERE region_id = ${regionId} AND id = ANY(${sql.param(studentIds)}::uuid[]) ORDER BY id FOR UPDATE`);
  if (found.length === 0) return { ...NO_ERASURE };
  const ids = found.map((s) => s.id);

  // Placement rows first, then opportunities: the order withdrawal locks in, so no deadlock with it.
  const { rows: records } = await tx.execute<{
    student_id: string;
    placement_id: string;
    opportunity_id: string;
    holds_seat: boolean;
    ids: string[];
  }>(sql`
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
  const everyone = [...erased.values()];

  // Every placement but a withdrawn one holds a seat (completed ones too, as with matches): give them back.
  const seats = new Map<string, number>();
  for (const r of records) if (r.holds_seat) seats.set(r.opportunity_id, (seats.get(r.opportunity_id) ?? 0) + 1);
  for (const [opportunityId, n] of [...seats].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await tx.execute(
      sql`UPDATE opportunities SET seats_taken = greatest(seats_taken - ${n}, 0) WHERE id = ${opportunityId}`,
    );
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

  // So do their rows of held events (report_sync_event would drop them once their event_students
  // rows go): detached from the event, under the same stand-in.
  const detachedFromEvents = await tx.execute(sql`
    UPDATE report_experiences x SET event_id = NULL, student_id = m.stand_in
    FROM unnest(${sql.param(found.map((s) => s.id))}::uuid[], ${sql.param(found.map((s) => erased.get(s.id)!.standIn))}::uuid[]) AS m(student_id, stand_in)
    WHERE x.event_id IS NOT NULL AND x.student_id = m.student_id`);

  const emailIds = await eraseEmails(tx, regionId, found, everyone, allIds);
  const outbox = emailIds.length
    ? await tx.execute(
        sql`DELETE FROM outbox WHERE queue = 'email' AND payload->>'emailId' = ANY(${sql.param(emailIds)}::text[])`,
      )
    : { rowCount: 0 };
  const guardianEmails = nonEmpty(found.map((s) => s.guardian_email?.toLowerCase()));
  await tx.execute(sql`
    DELETE FROM login_failures WHERE email = ANY(${sql.param(guardianEmails)}::text[]) AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = login_failures.email)`);
  await tx.execute(
    sql`DELETE FROM password_resets WHERE email = ANY(${sql.param(guardianEmails)}::text[]) AND user_id IS NULL`,
  );

  // A district's stored exports (ZIPs) hold these students' records; the district can export again.
  await tx.execute(
    sql`DELETE FROM district_exports WHERE district_id IN (SELECT DISTINCT district_id FROM students WHERE id = ANY(${sql.param(ids)}::uuid[]))`,
  );

  const auditPseudonymized = await pseudonymizeAudit(tx, regionId, everyone, standInOf);
  const textsScrubbed = await scrubFreeText(tx, regionId, everyone);

  // The rest goes by ON DELETE CASCADE: placements, documents (PDFs), links, hours, evaluations.
  const { rows: documents } = placementIds.length
    ? await tx.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM documents WHERE placement_id = ANY(${sql.param(placementIds)}::uuid[])`,
      )
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
    reportRowsKept: (detached.rowCount ?? 0) + (detachedFromEvents.rowCount ?? 0),
  };
}

/**
 * Emails about them: to a guardian (unless the address is also a staff member's), keyed by one of
 * their records (doc:<id>…, placement:<id>…, hours-link:<link id>), or naming them by full name or
 * guardian in subject or body. Deleted; returns their ids.
 */
async function eraseEmails(
  tx: Tx,
  regionId: string,
  found: StudentRow[],
  everyone: Erased[],
  allIds: string[],
): Promise<string[]> {
  const guardianEmails = nonEmpty(found.map((s) => s.guardian_email?.toLowerCase()));
  const { rows: linked } = await tx.execute<{ id: string }>(sql`
    SELECT e.id FROM emails e
    WHERE (e.region_id = ${regionId} OR e.region_id IS NULL) AND (
      (lower(e."to") = ANY(${sql.param(guardianEmails)}::text[]) AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = lower(e."to")))
      OR EXISTS (SELECT 1 FROM regexp_matches(e.dedupe_key, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') k WHERE k[1] = ANY(${sql.param(allIds)}::text[])))`);
  const { rows: naming } = await tx.execute<{ id: string; subject: string; text: string; html: string | null }>(sql`
    ${withWords(everyone.flatMap((e) => e.keys))}
    SELECT e.id, e.subject, e.text, e.html FROM emails e
    WHERE (e.region_id = ${regionId} OR e.region_id IS NULL) AND ${mentions(sql`e.subject || ' ' || e.text`)}`);
  const marker = "\u0000";
  const mark = phraseReplacer(everyone, () => marker);
  const ids = new Set(linked.map((e) => e.id));
  for (const e of naming) if ([e.subject, e.text, e.html ?? ""].some((t) => mark(t).includes(marker))) ids.add(e.id);
  if (ids.size === 0) return [];
  await tx.execute(sql`DELETE FROM emails WHERE id = ANY(${sql.param([...ids])}::uuid[])`);
  return [...ids];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Audit rows naming them: entity ids become the stand-in, every word that identifies them in the details the pseudonym. */
async function pseudonymizeAudit(
  tx: Tx,
  regionId: string,
  everyone: Erased[],
  standInOf: Map<string, string>,
): Promise<number> {
  const { rows } = await tx.execute<{ id: number; entity_id: string | null; details: Json }>(sql`
    ${withWords(everyone.flatMap((e) => e.words))}
    SELECT a.id, a.entity_id, a.details FROM audit_log a
    WHERE a.region_id = ${regionId} AND (
      a.entity_id = ANY(${sql.param([...standInOf.keys()])}::uuid[])
      OR (a.details IS NOT NULL AND ${mentions(sql`a.details::text`)}))
    ORDER BY a.id FOR UPDATE OF a`);
  if (rows.length === 0) return 0;

  const pseudonymOf = new Map<string, string>();
  for (const e of everyone) for (const w of e.words) pseudonymOf.set(w, e.pseudonym);
  const rewrite = (value: Json): Json => {
    if (typeof value === "string") return value.replace(WORD, (w) => pseudonymOf.get(w.toLowerCase()) ?? w);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
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

/** Staff free text that may name a student in passing; each read by id and region (a table and the filter that scopes it to the region). */
const FREE_TEXT: { table: string; columns: string[]; region: (regionId: string) => SQL }[] = [
  { table: "requests", columns: ["notes"], region: (r) => sql`t.region_id = ${r}` },
  { table: "matches", columns: ["note", "close_reason"], region: (r) => sql`t.region_id = ${r}` },
  {
    table: "match_events",
    columns: ["note"],
    region: (r) => sql`t.match_id IN (SELECT id FROM matches WHERE region_id = ${r})`,
  },
  {
    table: "match_feedback",
    columns: ["comment"],
    region: (r) => sql`t.match_id IN (SELECT id FROM matches WHERE region_id = ${r})`,
  },
  { table: "self_assessments", columns: ["notes"], region: (r) => sql`t.region_id = ${r}` },
  { table: "emails", columns: ["last_error"], region: (r) => sql`(t.region_id = ${r} OR t.region_id IS NULL)` },
  { table: "outbox", columns: ["last_error"], region: () => sql`true` },
];

/**
 * Staff free text that may name a student in passing (a request's notes, a match's note or close
 * reason, match history notes, feedback comments, self-assessment notes, delivery errors): the
 * full name, guardian's name and address become "[erased]"; the record itself stays.
 */
async function scrubFreeText(tx: Tx, regionId: string, everyone: Erased[]): Promise<number> {
  const keys = everyone.flatMap((e) => e.keys);
  const scrub = phraseReplacer(everyone, () => "[erased]");
  let scrubbed = 0;
  for (const { table, columns, region } of FREE_TEXT) {
    for (const column of columns) {
      const col = sql`t.${sql.identifier(column)}`;
      const { rows } = await tx.execute<{ id: string; value: string }>(sql`
        ${withWords(keys)}
        SELECT t.id::text AS id, ${col} AS value FROM ${sql.identifier(table)} t WHERE ${region(regionId)} AND ${col} IS NOT NULL AND ${mentions(col)}`);
      const changed = rows
        .map((r) => ({ id: r.id, value: scrub(r.value) }))
        .filter((r, i) => r.value !== rows[i]!.value);
      if (changed.length === 0) continue;
      await tx.execute(sql`
        UPDATE ${sql.identifier(table)} t SET ${sql.identifier(column)} = c.value
        FROM unnest(${sql.param(changed.map((c) => c.id))}::text[], ${sql.param(changed.map((c) => c.value))}::text[]) AS c(id, value)
        WHERE t.id::text = c.id`);
      scrubbed += changed.length;
    }
  }
  return scrubbed;
}

/**
 * Students of the regions with a retention period whose last activity — the later of their own
 * last change and their placements' last end, completion, withdrawal or change — is older than
 * that many years. Oldest first, at most `limit`.
 */
export async function studentsDueForErasure(
  db: Db | Tx,
  now: Date,
  limit: number,
): Promise<{ regionId: string; studentId: string }[]> {
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
