import { KIND_LEVEL, KINDS, SECTORS } from "@bridgework/domain";
import type pg from "pg";

/** BENCH_SCALE=0.01 makes a small data set to try the generator; the benchmark proper uses 1. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE));

/** Shape of the generated region. Ids are md5-derived (version-4 shaped) UUIDs so rows can point at each other without lookups. */
export const BENCH = {
  districts: 100,
  schoolsPerDistrict: 5,
  employers: scaled(3000),
  /** Employers 1..exposureOnlyEmployers only ever offer exposure activities. */
  exposureOnlyEmployers: scaled(600),
  opportunities: scaled(32_000),
  students: scaled(200_000),
  matches: scaled(400_000),
  placements: scaled(600_000),
  hoursPerPlacement: 3,
  openRequests: scaled(5_000),
  /** Five school years: 2021-2022 … 2025-2026. */
  firstYear: 2021,
  years: 5,
} as const;

/** Kinds served by one named student (placements) vs a group visit (matches). */
const PLACEMENT_KINDS = [
  "job_shadow",
  "mentoring",
  "industry_project",
  "student_enterprise",
  "simulated_work",
  "internship",
  "pre_apprenticeship",
  "apprenticeship",
  "paid_work_experience",
];

const lit = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]`;

/**
 * Statements that fill an empty, migrated database with one region of 1,000,000 experiences
 * (completed matches + completed placements) over five school years. Pure SQL
 * (generate_series + INSERT … SELECT) so nothing passes through Node.
 */
export function generationSteps(passwordHash: string): Array<[string, string]> {
  const B = BENCH;
  const schools = B.districts * B.schoolsPerDistrict;
  const days = B.years * 365;
  const start = `${B.firstYear}-07-01`;
  const kinds = lit(KINDS);
  const sectors = lit(SECTORS);
  return [
    // Bulk load as pg_restore does: no FK checks and no per-row triggers; the read model is filled set-based at the end.
    [
      "uuid helper",
      // Deterministic ids (so rows can point at each other) that are valid version-4 UUIDs, as the API's schemas require.
      `CREATE OR REPLACE FUNCTION bench_uuid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT overlay(overlay(md5($1) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`,
    ],
    [
      "joining employers",
      // One employer in ten joins in the 2nd…5th school year (the rest are there from the start): its experiences' dates are squeezed into the years after it joined, so every year has new employers.
      `CREATE OR REPLACE FUNCTION bench_joined(done timestamptz, e int) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
         SELECT CASE WHEN e % 10 = 0 AND (e / 10) % ${B.years} > 0
           THEN TIMESTAMPTZ '${start}' + ((e / 10) % ${B.years}) * interval '365 days' + (done - TIMESTAMPTZ '${start}') * ((${B.years} - (e / 10) % ${B.years})::float8 / ${B.years})
           ELSE done END $$`,
    ],
    [
      "session",
      `SELECT setseed(0.42); SET synchronous_commit = off; SET session_replication_role = replica; SET maintenance_work_mem = '256MB'`,
    ],
    [
      "kind levels",
      `CREATE TEMP TABLE kl AS SELECT k::wbl_kind AS kind, l::wbl_level AS level, (k = ANY(${lit(PLACEMENT_KINDS)})) AS placement
       FROM unnest(${lit(Object.keys(KIND_LEVEL))}, ${lit(Object.values(KIND_LEVEL))}) AS t(k, l)`,
    ],
    [
      "region",
      `INSERT INTO regions (id, name, slug) VALUES (bench_uuid('region'), 'Bench', 'bench'), (bench_uuid('other'), 'Other', 'other')`,
    ],
    [
      "organizations",
      `INSERT INTO organizations (id, region_id, type, name) VALUES (bench_uuid('intermediary'), bench_uuid('region'), 'intermediary', 'Bench Collaborative');
       INSERT INTO organizations (id, region_id, type, name) SELECT bench_uuid('d' || d), bench_uuid('region'), 'district', 'District ' || d FROM generate_series(1, ${B.districts}) d;
       INSERT INTO organizations (id, region_id, type, name, parent_id)
         SELECT bench_uuid('sch' || s), bench_uuid('region'), 'school', 'School ' || s, bench_uuid('d' || (1 + (s - 1) / ${B.schoolsPerDistrict})) FROM generate_series(1, ${schools}) s;
       INSERT INTO organizations (id, region_id, type, name, sectors)
         SELECT bench_uuid('e' || e), bench_uuid('region'), 'employer', 'Employer ' || e, ARRAY[(${sectors})[1 + e % 15]] FROM generate_series(1, ${B.employers}) e`,
    ],
    [
      "users",
      `INSERT INTO users (id, region_id, organization_id, email, name, role, status, password_hash) VALUES
         (bench_uuid('u-int'), bench_uuid('region'), bench_uuid('intermediary'), 'intermediary@bench.example', 'Bench Intermediary', 'intermediary', 'active', '${passwordHash}'),
         (bench_uuid('u-coord'), bench_uuid('region'), bench_uuid('d1'), 'coordinator@bench.example', 'Bench Coordinator', 'coordinator', 'active', '${passwordHash}'),
         (bench_uuid('u-teach'), bench_uuid('region'), bench_uuid('sch1'), 'teacher@bench.example', 'Bench Teacher', 'teacher', 'active', '${passwordHash}')`,
    ],
    [
      "pathways",
      `INSERT INTO pathways (id, region_id, school_id, name, sector)
       SELECT bench_uuid('pw' || s || '-' || k), bench_uuid('region'), bench_uuid('sch' || s), 'Pathway ' || k, (${sectors})[1 + (s + k * 7) % 15]
       FROM generate_series(1, ${schools}) s, generate_series(1, 2) k`,
    ],
    [
      "students",
      `INSERT INTO students (id, region_id, district_id, school_id, local_id, ssid, first_name, last_name, birth_date, grade, gender, race_ethnicity, english_learner, disability, low_income)
       SELECT bench_uuid('s' || i), bench_uuid('region'), bench_uuid('d' || (1 + ((i - 1) % ${schools}) / ${B.schoolsPerDistrict})), bench_uuid('sch' || (1 + (i - 1) % ${schools})),
              'L' || i, CASE WHEN random() < 0.97 THEN lpad(i::text, 10, '0') END, 'First' || i, 'Last' || i, DATE '2008-01-01' + (i % 1400), g,
              (ARRAY['F','M','X'])[1 + (random() * 2.05)::int], (ARRAY['hispanic','white','asian','black','filipino','two_or_more','american_indian','pacific_islander','declined'])[1 + floor(random() * random() * 9)::int],
              random() < 0.2, random() < 0.12, random() < 0.55
       FROM (SELECT i, CASE WHEN random() < 0.05 THEN 8 ELSE 9 + floor(random() * 4)::int END AS g FROM generate_series(1, ${B.students}) i) x`,
    ],
    [
      "opportunities",
      `CREATE TEMP TABLE bo AS
       SELECT o, e, k.kind, k.level, k.placement, row_number() OVER (PARTITION BY k.placement ORDER BY o) AS rn
       FROM (SELECT o, 1 + (o - 1) % ${B.employers} AS e FROM generate_series(1, ${B.opportunities}) o) x
       JOIN kl k ON k.kind = CASE WHEN x.e <= ${B.exposureOnlyEmployers} THEN (${kinds})[1 + ((o - 1) / ${B.employers}) % 3]
                                  ELSE (${kinds})[1 + ((o - 1) / ${B.employers} + x.e) % 16] END::wbl_kind;
       INSERT INTO opportunities (id, region_id, employer_id, kind, level, sector, title, modality, capacity, status, published_at, starts_at, ends_at)
       SELECT bench_uuid('o' || o), bench_uuid('region'), bench_uuid('e' || e), kind, level, (${sectors})[1 + e % 15], 'Opportunity ' || o, 'in_person', 10000,
              CASE WHEN o % 10 = 0 THEN 'closed' ELSE 'published' END::opportunity_status, TIMESTAMPTZ '${start}' + ((o * 13) % ${days}) * interval '1 day',
              CASE WHEN o % 3 = 0 THEN TIMESTAMPTZ '${start}' + ((o * 7) % ${days}) * interval '1 day' END,
              CASE WHEN o % 3 = 0 THEN TIMESTAMPTZ '${start}' + ((o * 7) % ${days} + 60) * interval '1 day' END
       FROM bo;
       CREATE INDEX ON bo (placement, rn); ANALYZE bo`,
    ],
    [
      "requests + completed matches",
      `CREATE TEMP TABLE bm AS
       SELECT i, 1 + (i::bigint * 7919) % ${schools} AS s, (SELECT count(*) FROM bo WHERE NOT placement) AS n, floor(random() * 1e9)::bigint AS r,
              TIMESTAMPTZ '${start}' + random() * ${days} * interval '1 day' AS done
       FROM generate_series(1, ${B.matches}) i;
       UPDATE bm SET done = bench_joined(bm.done, bo.e::int) FROM bo WHERE NOT bo.placement AND bo.rn = 1 + bm.r % bm.n;
       INSERT INTO requests (id, region_id, district_id, school_id, pathway_id, created_by, kind, level, sector, students, grade_levels, window_start, window_end, modality, status, created_at)
       SELECT bench_uuid('r' || i), bench_uuid('region'), bench_uuid('d' || (1 + (s - 1) / ${B.schoolsPerDistrict})), bench_uuid('sch' || s),
              CASE WHEN i % 4 <> 0 THEN bench_uuid('pw' || s || '-' || (1 + i % 2)) END, bench_uuid('u-teach'), bo.kind, bo.level, (${sectors})[1 + bo.e % 15],
              20 + i % 15, '{10,11}', (done - interval '20 days')::date, (done + interval '10 days')::date, 'in_person', 'fulfilled', done - interval '30 days'
       FROM bm JOIN bo ON NOT bo.placement AND bo.rn = 1 + bm.r % bm.n ORDER BY bm.done;
       INSERT INTO matches (id, region_id, request_id, opportunity_id, employer_id, seats, status, proposed_by, approved_at, accepted_at, completed_at, attended_students, created_at)
       SELECT bench_uuid('m' || i), bench_uuid('region'), bench_uuid('r' || i), bench_uuid('o' || bo.o), bench_uuid('e' || bo.e), 20 + i % 15, 'completed', bench_uuid('u-teach'),
              done - interval '25 days', done - interval '20 days', done, 15 + i % 18, done - interval '25 days'
       FROM bm JOIN bo ON NOT bo.placement AND bo.rn = 1 + bm.r % bm.n ORDER BY bm.done`,
    ],
    [
      "asks never accepted",
      `INSERT INTO matches (region_id, request_id, opportunity_id, employer_id, seats, status, proposed_by, approved_at, closed_at, created_at)
       SELECT bench_uuid('region'), bench_uuid('r' || i), bench_uuid('o' || bo.o), bench_uuid('e' || bo.e), 5, 'declined', bench_uuid('u-teach'), done - interval '40 days', done - interval '35 days', done - interval '40 days'
       FROM bm JOIN bo ON NOT bo.placement AND bo.rn = 1 + (bm.r / 7) % bm.n WHERE i % 5 = 0`,
    ],
    [
      "match feedback",
      `INSERT INTO match_feedback (match_id, employer_id, user_id, role, rating, host_again, created_at)
       SELECT bench_uuid('m' || i), bench_uuid('e' || bo.e), bench_uuid('u-teach'), 'teacher', 1 + i % 5, i % 7 <> 0, done + interval '1 day'
       FROM bm JOIN bo ON NOT bo.placement AND bo.rn = 1 + bm.r % bm.n WHERE i % 2 = 0 ORDER BY bm.done`,
    ],
    [
      "completed placements",
      `CREATE TEMP TABLE bp AS
       SELECT i, st, 1 + (st - 1) % ${schools} AS s, (SELECT count(*) FROM bo WHERE placement) AS n, r, done
       FROM (SELECT i, 1 + floor(random() * ${B.students})::int AS st, floor(random() * 1e9)::bigint AS r, TIMESTAMPTZ '${start}' + random() * ${days} * interval '1 day' AS done
             FROM generate_series(1, ${B.placements}) i) x;
       UPDATE bp SET done = bench_joined(bp.done, bo.e::int) FROM bo WHERE bo.placement AND bo.rn = 1 + bp.r % bp.n;
       INSERT INTO placements (id, region_id, district_id, school_id, student_id, opportunity_id, employer_id, start_date, end_date, supervisor_name, supervisor_email, status, activated_at, completed_at, created_by, created_at)
       SELECT bench_uuid('p' || i), bench_uuid('region'), bench_uuid('d' || (1 + (s - 1) / ${B.schoolsPerDistrict})), bench_uuid('sch' || s), bench_uuid('s' || st),
              bench_uuid('o' || bo.o), bench_uuid('e' || bo.e), (done - interval '30 days')::date, done::date, CASE WHEN i % 50 <> 0 THEN 'Supervisor ' || bo.e ELSE '' END,
              'supervisor' || bo.e || '@bench.example', 'completed', done - interval '30 days', done, bench_uuid('u-coord'), done - interval '45 days'
       FROM bp JOIN bo ON bo.placement AND bo.rn = 1 + bp.r % bp.n ORDER BY bp.done`,
    ],
    [
      "hours",
      `INSERT INTO hours_entries (placement_id, date, hours, status, created_by, decided_at)
       SELECT bench_uuid('p' || i), (done - (k * 7) * interval '1 day')::date, 2 + (i + k) % 6, CASE WHEN (i + k) % 5 = 0 THEN 'pending' ELSE 'approved' END::hours_status, bench_uuid('u-coord'), done
       FROM bp, generate_series(1, ${B.hoursPerPlacement}) k ORDER BY done, k`,
    ],
    [
      "evaluations",
      `INSERT INTO evaluations (placement_id, given, rating, host_again, created_at)
       SELECT bench_uuid('p' || i), i % 10 <> 0, 1 + i % 5, i % 6 <> 0, done FROM bp WHERE i % 10 < 7 ORDER BY done`,
    ],
    [
      "paperwork",
      `INSERT INTO document_templates (id, region_id, kind, version, title_en, title_es, body_en, body_es)
         VALUES (bench_uuid('tpl'), bench_uuid('region'), 'worksite_agreement', 1, 'Worksite agreement', 'Acuerdo', 'Body', 'Cuerpo');
       INSERT INTO documents (region_id, placement_id, template_id, kind, signer_role, signer_name, signer_email, language, status, due_on, signed_at, created_at)
       SELECT bench_uuid('region'), bench_uuid('p' || i), bench_uuid('tpl'), 'worksite_agreement', 'supervisor', 'Supervisor', 'supervisor@bench.example', 'en', 'signed',
              (done - interval '40 days')::date, done - interval '45 days' + (i % 9) * interval '1 day', done - interval '45 days'
       FROM bp ORDER BY done`,
    ],
    [
      "open and expired requests",
      `INSERT INTO requests (region_id, district_id, school_id, created_by, kind, level, sector, students, grade_levels, window_start, window_end, modality, status)
       SELECT bench_uuid('region'), bench_uuid('d' || (1 + (s - 1) / ${B.schoolsPerDistrict})), bench_uuid('sch' || s), bench_uuid('u-teach'), k.kind, k.level, (${sectors})[1 + i % 15],
              CASE WHEN i % 3 = 0 THEN 20000 ELSE 10 + i % 30 END, '{11,12}', DATE '2025-08-01' + (i % 200), DATE '2025-08-01' + (i % 200) + 30, 'in_person',
              CASE WHEN i % 4 = 0 THEN 'expired' ELSE 'open' END::request_status
       FROM (SELECT i, 1 + (i * 31) % ${schools} AS s, (${kinds})[1 + i % 16]::wbl_kind AS kind FROM generate_series(1, ${B.openRequests}) i) x JOIN kl k USING (kind)`,
    ],
    [
      "report_experiences (set-based; the same rows report_sync_match/placement write)",
      `INSERT INTO report_experiences (region_id, match_id, placement_id, request_id, opportunity_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours)
       SELECT * FROM (
         SELECT m.region_id, m.id, NULL::uuid, r.id, o.id, (m.completed_at AT TIME ZONE 'UTC')::date AS completed_on, r.district_id, r.school_id, r.pathway_id, o.sector, o.level, o.kind, m.employer_id, NULL::uuid,
                coalesce(m.attended_students, 0), m.seats, 0::float8
         FROM matches m JOIN requests r ON r.id = m.request_id JOIN opportunities o ON o.id = m.opportunity_id WHERE m.status = 'completed' AND m.completed_at IS NOT NULL
         UNION ALL
         SELECT p.region_id, NULL, p.id, NULL, o.id, (p.completed_at AT TIME ZONE 'UTC')::date, p.district_id, p.school_id, NULL, o.sector, o.level, o.kind, p.employer_id, p.student_id, 0, 1, coalesce(h.hours, 0)
         FROM placements p JOIN opportunities o ON o.id = p.opportunity_id
         LEFT JOIN (SELECT placement_id, sum(hours) AS hours FROM hours_entries WHERE status = 'approved' GROUP BY placement_id) h ON h.placement_id = p.id
         WHERE p.status = 'completed' AND p.completed_at IS NOT NULL
       ) t ORDER BY completed_on`,
    ],
    // What the read model's triggers keep (they do not fire during this bulk load): answers, employers' first experiences and the first-row bits.
    ["experiences' feedback and evaluation answers", `SELECT report_answers_backfill()`],
    [
      "employers' first experiences",
      `INSERT INTO report_employer_firsts (employer_id, region_id, first_completed_on) SELECT employer_id, region_id, min(completed_on) FROM report_experiences GROUP BY 1, 2`,
    ],
    [
      "first-row bits (distinct students and employers)",
      `SELECT report_firsts_refresh('student_id', NULL, NULL); SELECT report_firsts_refresh('employer_id', NULL, NULL); SET session_replication_role = origin`,
    ],
    // A statement of its own: in the transaction that updated them, the old row versions are not dead yet and would be copied too.
    [
      "read model rewritten in date order, as it grows",
      `CLUSTER report_experiences USING report_experiences_region_id_completed_on_index`,
    ],
    ["analyze", `VACUUM ANALYZE`],
  ];
}

export async function generate(client: pg.Client, passwordHash: string, log: (line: string) => void): Promise<void> {
  for (const [name, statement] of generationSteps(passwordHash)) {
    const t0 = performance.now();
    await client.query(statement);
    log(`  generated ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
