/**
 * How long erasing a district takes (docs/privacy.md, Erasure): a fresh database with the demo
 * organizations, N students in Valley Unified (a third of them with a completed placement, two
 * signed documents with a 20 KB PDF each, two approved hours entries, an evaluation and three
 * emails; five audit rows each) and as many in Riverbend Unified, then the same batches as
 * `POST /api/districts/:id/erase`. Checks the report totals are unchanged and Riverbend untouched.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench erase --students=10000
 */
import { addCounts, createDatabase, eraseStudents, migrateDatabase, NO_ERASURE } from "@bridgework/db";
import { seedDemo } from "@bridgework/db/seed";
import pg from "pg";

const BENCH_DB = "bw_bench_erase";

/** A fresh, migrated database of its own on the server of DATABASE_URL, dropped by `destroy`. */
async function benchDatabase() {
  const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${BENCH_DB}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  const database = createDatabase(url.toString());
  await migrateDatabase(database.db);
  return {
    ...database,
    destroy: async () => (await database.close(), await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`)),
  };
}

const BATCH = 200;

export async function run(args: string[]): Promise<void> {
  const N = Number(args.find((a) => a.startsWith("--students="))?.slice("--students=".length) ?? 10_000);
  const db = await benchDatabase();
  const q = (text: string, values: unknown[] = []) => db.pool.query(text, values);
  try {
    await seedDemo(db.db, undefined, { history: false });
    const t0 = Date.now();
    await q(`
      CREATE TEMP TABLE ctx AS
      SELECT d.region_id, d.id AS district_id, s.id AS school_id, d.name AS district,
        (SELECT id FROM users WHERE email = 'coordinator@valley.example') AS coordinator,
        (SELECT id FROM organizations WHERE name = 'Valley Medical Center') AS employer
      FROM organizations d JOIN organizations s ON s.parent_id = d.id AND s.type = 'school'
      WHERE d.name IN ('Valley Unified', 'Riverbend Unified') AND s.name IN ('Valley High', 'Riverbend High')`);
    await q(`
      INSERT INTO opportunities (region_id, employer_id, kind, level, sector, title, modality, capacity, status)
      SELECT DISTINCT region_id, employer, 'internship'::wbl_kind, 'experience'::wbl_level, 'Health Science and Medical Technology', 'Bench internship', 'in_person'::modality, 100000, 'published'::opportunity_status FROM ctx`);
    await q(`
      INSERT INTO document_templates (region_id, kind, version, title_en, title_es, body_en, body_es)
      SELECT DISTINCT c.region_id, k.kind, 1, 'T', 'T', 'B', 'B' FROM ctx c, (VALUES ('guardian_consent'::document_kind), ('emergency_contact'::document_kind)) k(kind)
      ON CONFLICT DO NOTHING`);
    await q(`
      INSERT INTO students (region_id, district_id, school_id, local_id, first_name, last_name, birth_date, grade, guardian_name, guardian_email)
      SELECT c.region_id, c.district_id, c.school_id, 'B' || g, 'Benchfirst' || g, 'Benchlast' || g || left(c.district, 1), '2010-01-01', 11, 'Guardian ' || g, 'guardian' || g || left(c.district, 1) || '@bench.example'
      FROM ctx c, generate_series(1, ${N}) g`);
    await q(`
      INSERT INTO placements (region_id, district_id, school_id, student_id, opportunity_id, employer_id, start_date, end_date, supervisor_name, supervisor_email, status, completed_at, activated_at, created_by)
      SELECT s.region_id, s.district_id, s.school_id, s.id, (SELECT id FROM opportunities WHERE title = 'Bench internship'), c.employer, '2031-06-01', '2031-07-31', 'Sup', 'sup@vmc.example', 'completed', '2031-07-31', '2031-06-01', c.coordinator
      FROM students s JOIN ctx c ON c.district_id = s.district_id WHERE right(s.local_id, 1) IN ('0', '3', '6')`);
    await q(`
      INSERT INTO documents (region_id, placement_id, template_id, kind, signer_role, signer_name, signer_email, language, status, due_on, rendered_text, typed_name, signed_at, pdf)
      SELECT p.region_id, p.id, t.id, t.kind, 'guardian', s.guardian_name, s.guardian_email, 'en', 'signed', '2031-05-01', 'Consent for ' || s.first_name || ' ' || s.last_name, s.guardian_name, now(),
        convert_to(repeat('PDF ' || s.first_name || ' ' || s.last_name || ' ', 600), 'UTF8')
      FROM placements p JOIN students s ON s.id = p.student_id
      CROSS JOIN LATERAL (SELECT id, kind FROM document_templates WHERE region_id = p.region_id ORDER BY kind LIMIT 2) t`);
    await q(`
      INSERT INTO hours_entries (placement_id, date, hours, status, created_by, note)
      SELECT p.id, ('2031-06-0' || g)::date, 4, 'approved', p.created_by, 'Lab day' FROM placements p, generate_series(1, 2) g`);
    await q(
      `INSERT INTO evaluations (placement_id, given, rating, host_again, comments) SELECT id, true, 5, true, 'Good work' FROM placements`,
    );
    await q(`
      INSERT INTO emails (region_id, dedupe_key, "to", subject, text, status)
      SELECT d.region_id, 'doc:' || d.id || ':reminder:' || g, d.signer_email, 'Please sign for ' || d.signer_name, 'Sign here', 'sent'::email_status
      FROM documents d, generate_series(1, 2) g
      UNION ALL
      SELECT p.region_id, 'placement:' || p.id || ':evaluation', p.supervisor_email, 'How did it go?', 'Evaluate', 'sent'::email_status FROM placements p`);
    await q(`
      INSERT INTO audit_log (region_id, actor_user_id, action, entity, entity_id, details)
      SELECT s.region_id, c.coordinator, 'read', 'student', s.id, NULL FROM students s JOIN ctx c ON c.district_id = s.district_id, generate_series(1, 4)
      UNION ALL
      SELECT s.region_id, c.coordinator, 'read', 'student', NULL, jsonb_build_object('filter', jsonb_build_object('q', s.last_name), 'ids', jsonb_build_array(s.id)) FROM students s JOIN ctx c ON c.district_id = s.district_id`);
    await q(`ANALYZE`);
    const sizes = await q(`
      SELECT 'students' t, count(*)::int n FROM students UNION ALL SELECT 'placements', count(*)::int FROM placements UNION ALL SELECT 'documents', count(*)::int FROM documents
      UNION ALL SELECT 'emails', count(*)::int FROM emails UNION ALL SELECT 'audit_log', count(*)::int FROM audit_log UNION ALL SELECT 'report_experiences', count(*)::int FROM report_experiences`);
    console.log(
      `generated in ${Date.now() - t0} ms:`,
      Object.fromEntries(sizes.rows.map((r: { t: string; n: number }) => [r.t, r.n])),
    );

    const totals = async () =>
      (
        await q(
          `SELECT count(*)::int AS experiences, count(DISTINCT student_id)::int AS students, sum(hours)::float8 AS hours, count(*) FILTER (WHERE evaluated)::int AS evaluated FROM report_experiences`,
        )
      ).rows[0];
    const before = await totals();
    const { region_id: regionId, district_id: districtId } = (
      await q(`SELECT region_id, district_id FROM ctx WHERE district = 'Valley Unified'`)
    ).rows[0] as { region_id: string; district_id: string };

    const started = Date.now();
    let counts = { ...NO_ERASURE };
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const { rows } = await q(
        `SELECT id FROM students WHERE district_id = $1 AND id > $2 ORDER BY id LIMIT ${BATCH}`,
        [districtId, after],
      );
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      counts = addCounts(
        counts,
        await db.db.transaction((tx) =>
          eraseStudents(tx, { regionId, studentIds: rows.map((r: { id: string }) => r.id) }),
        ),
      );
    }
    const ms = Date.now() - started;
    console.log(`erased Valley Unified in ${ms} ms (${Math.round((1000 * counts.students) / ms)} students/s):`, counts);
    const afterTotals = await totals();
    console.log("report totals before", before, "after", afterTotals);
    const left = await q(`SELECT count(*)::int AS n FROM students WHERE district_id = $1`, [districtId]);
    const riverbend = await q(
      `SELECT count(*)::int AS n FROM students s JOIN ctx c ON c.district_id = s.district_id WHERE c.district = 'Riverbend Unified'`,
    );
    console.log(`left in Valley Unified: ${left.rows[0]!.n}; Riverbend Unified students: ${riverbend.rows[0]!.n}`);
    if (JSON.stringify(before) !== JSON.stringify(afterTotals) || left.rows[0]!.n !== 0 || riverbend.rows[0]!.n !== N)
      process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
