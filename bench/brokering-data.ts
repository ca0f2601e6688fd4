import { KIND_LABELS, KIND_LEVEL, type Kind, type SECTORS } from "@bridgework/domain";
import type pg from "pg";

/** One region's worth of brokering data. */
export interface Size {
  name: string;
  districts: number;
  schools: number;
  /** Three per school. */
  pathways: number;
  students: number;
  employers: number;
  opportunities: number;
  requests: number;
  matches: number;
}

/** Like the seed region (Valley): 13 schools in 4 districts, three pathways each. */
export const SEED_SIZE: Size = {
  name: "1×",
  districts: 4,
  schools: 13,
  pathways: 39,
  students: 10_000,
  employers: 150,
  opportunities: 5_000,
  requests: 20_000,
  matches: 30_000,
};
export const LARGE_SIZE: Size = {
  name: "10×",
  districts: 40,
  schools: 130,
  pathways: 390,
  students: 100_000,
  employers: 1_500,
  opportunities: 50_000,
  requests: 200_000,
  matches: 300_000,
};

/**
 * Per kind: share of opportunities and of requests (%), seats an opportunity offers, students a
 * request brings, engagement length in days, and whether it is a "talk" (often virtual).
 */
const KIND_SHAPE: Record<
  Kind,
  { opp: number; req: number; cap: [number, number]; students: [number, number]; days: [number, number]; talk: boolean }
> = {
  guest_speaker: { opp: 16, req: 20, cap: [25, 120], students: [20, 90], days: [0, 0], talk: true },
  career_fair: { opp: 4, req: 3, cap: [100, 400], students: [40, 250], days: [0, 0], talk: false },
  industry_tour: { opp: 13, req: 18, cap: [10, 40], students: [10, 35], days: [0, 0], talk: false },
  job_shadow: { opp: 14, req: 12, cap: [1, 4], students: [1, 3], days: [0, 1], talk: false },
  informational_interview: { opp: 6, req: 5, cap: [3, 20], students: [1, 15], days: [0, 0], talk: true },
  mock_interview: { opp: 7, req: 9, cap: [5, 30], students: [5, 30], days: [0, 0], talk: true },
  mentoring: { opp: 6, req: 5, cap: [1, 8], students: [1, 6], days: [60, 180], talk: true },
  industry_project: { opp: 5, req: 5, cap: [4, 30], students: [4, 30], days: [30, 120], talk: false },
  student_enterprise: { opp: 1, req: 1, cap: [5, 25], students: [5, 20], days: [90, 180], talk: false },
  simulated_work: { opp: 2, req: 2, cap: [10, 35], students: [10, 32], days: [5, 30], talk: false },
  internship: { opp: 11, req: 10, cap: [1, 6], students: [1, 4], days: [42, 90], talk: false },
  pre_apprenticeship: { opp: 2, req: 2, cap: [2, 12], students: [1, 8], days: [60, 120], talk: false },
  apprenticeship: { opp: 2, req: 1, cap: [1, 4], students: [1, 2], days: [365, 730], talk: false },
  paid_work_experience: { opp: 5, req: 4, cap: [1, 8], students: [1, 5], days: [56, 120], talk: false },
  teacher_externship: { opp: 3, req: 2, cap: [1, 5], students: [1, 3], days: [5, 15], talk: false },
  advisory_board: { opp: 3, req: 1, cap: [3, 12], students: [1, 5], days: [180, 365], talk: true },
};

/** Share of employers per sector (%), a noun for employer names, and words for titles and descriptions (what people search for). */
const SECTOR_SHAPE: Record<(typeof SECTORS)[number], { share: number; noun: string; words: string[] }> = {
  "Agriculture and Natural Resources": {
    share: 10,
    noun: "Farms",
    words: ["dairy", "irrigation", "almond", "orchard", "veterinary", "agronomy", "tractor", "soil science"],
  },
  "Arts, Media, and Entertainment": {
    share: 6,
    noun: "Studios",
    words: ["animation", "film", "photography", "theater", "graphic design", "recording", "journalism", "game art"],
  },
  "Building and Construction Trades": {
    share: 9,
    noun: "Builders",
    words: ["carpentry", "electrical", "plumbing", "construction", "hvac", "welding", "surveying", "roofing"],
  },
  "Business and Finance": {
    share: 7,
    noun: "Financial",
    words: ["accounting", "banking", "payroll", "finance", "insurance", "audit", "budgeting", "tax"],
  },
  "Education, Child Development, and Family Services": {
    share: 6,
    noun: "Learning Center",
    words: [
      "teaching",
      "preschool",
      "childcare",
      "tutoring",
      "counseling",
      "classroom",
      "early childhood",
      "family services",
    ],
  },
  "Energy, Environment, and Utilities": {
    share: 4,
    noun: "Energy",
    words: ["solar", "wind", "utilities", "water treatment", "recycling", "battery", "power grid", "environmental"],
  },
  "Engineering and Architecture": {
    share: 6,
    noun: "Engineering",
    words: ["civil", "mechanical", "drafting", "cad", "architecture", "robotics", "surveying", "electronics"],
  },
  "Fashion and Interior Design": {
    share: 2,
    noun: "Design",
    words: ["apparel", "sewing", "textiles", "interior design", "merchandising", "costume", "upholstery", "styling"],
  },
  "Health Science and Medical Technology": {
    share: 14,
    noun: "Medical",
    words: ["nursing", "hospital", "clinic", "pharmacy", "dental", "radiology", "physical therapy", "emt"],
  },
  "Hospitality, Tourism, and Recreation": {
    share: 6,
    noun: "Hospitality",
    words: ["culinary", "hotel", "restaurant", "baking", "tourism", "event planning", "recreation", "catering"],
  },
  "Information and Communication Technologies": {
    share: 10,
    noun: "Software",
    words: ["software", "cybersecurity", "networking", "data", "web development", "cloud", "it support", "programming"],
  },
  "Manufacturing and Product Development": {
    share: 8,
    noun: "Manufacturing",
    words: ["machining", "cnc", "assembly", "quality control", "welding", "robotics", "packaging", "3d printing"],
  },
  "Marketing, Sales, and Service": {
    share: 4,
    noun: "Marketing",
    words: [
      "marketing",
      "retail",
      "sales",
      "social media",
      "customer service",
      "advertising",
      "branding",
      "e-commerce",
    ],
  },
  "Public Services": {
    share: 5,
    noun: "Services",
    words: [
      "firefighting",
      "law enforcement",
      "paralegal",
      "emergency",
      "court",
      "public safety",
      "government",
      "social work",
    ],
  },
  Transportation: {
    share: 3,
    noun: "Transport",
    words: ["automotive", "diesel", "aviation", "logistics", "warehouse", "trucking", "mechanic", "electric vehicles"],
  },
};

const CITIES = [
  "Fresno",
  "Clovis",
  "Visalia",
  "Madera",
  "Hanford",
  "Merced",
  "Selma",
  "Reedley",
  "Sanger",
  "Tulare",
  "Porterville",
  "Kerman",
];
const PREFIXES = [
  "Valley",
  "Sierra",
  "Central",
  "Golden",
  "Kings",
  "Pacific",
  "Summit",
  "Riverbend",
  "Oak Grove",
  "San Joaquin",
];
const FIRST = [
  "Maria",
  "Jose",
  "Sofia",
  "Daniel",
  "Emily",
  "Luis",
  "Ava",
  "Ethan",
  "Camila",
  "Noah",
  "Isabella",
  "Mateo",
  "Mia",
  "Jayden",
  "Aaliyah",
  "Kevin",
  "Priya",
  "Tran",
  "Hmong",
  "Grace",
];
const LAST = [
  "Garcia",
  "Hernandez",
  "Lopez",
  "Martinez",
  "Nguyen",
  "Smith",
  "Johnson",
  "Vang",
  "Singh",
  "Rodriguez",
  "Lee",
  "Brown",
  "Xiong",
  "Perez",
  "Kim",
  "Davis",
  "Ramirez",
  "Chavez",
  "Patel",
  "Thao",
];
const GENERIC = [
  "Learn about career pathways, workplace safety and teamwork.",
  "Bring questions about training, certifications and wages.",
  "Includes a hands-on activity and time for questions.",
  "Great for students exploring college and career options.",
  "Meet early-career staff who started in programs like yours.",
];

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(q).join(",")}]`;

/** Cumulative [lo, hi) bands from percentage shares, for picking with one random(). */
function bands<T>(entries: Array<[T, number]>): Array<[T, number, number]> {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  return entries.map(([k, w]) => {
    const lo = acc / total;
    acc += w;
    return [k, lo, entries.at(-1)![0] === k ? 1.01 : acc / total];
  });
}

/** The fixed tables (kinds, sectors) every step reads, plus the day "now" the data is anchored to. */
function lookupTables(): string {
  const opp = new Map(
    bands(Object.entries(KIND_SHAPE).map(([k, v]) => [k, v.opp])).map(([k, lo, hi]) => [k, [lo, hi]]),
  );
  const req = new Map(
    bands(Object.entries(KIND_SHAPE).map(([k, v]) => [k, v.req])).map(([k, lo, hi]) => [k, [lo, hi]]),
  );
  const kinds = Object.entries(KIND_SHAPE).map(([k, v]) => {
    const [olo, ohi] = opp.get(k)!;
    const [rlo, rhi] = req.get(k)!;
    return `(${q(k)}::wbl_kind, ${q(KIND_LEVEL[k as Kind])}::wbl_level, ${q(KIND_LABELS[k as Kind])}, ${olo}, ${ohi}, ${rlo}, ${rhi}, ${v.cap[0]}, ${v.cap[1]}, ${v.students[0]}, ${v.students[1]}, ${v.days[0]}, ${v.days[1]}, ${v.talk})`;
  });
  const sectors = bands(Object.entries(SECTOR_SHAPE).map(([s, v]) => [s, v.share])).map(
    ([s, lo, hi], i) =>
      `(${i + 1}, ${q(s)}, ${lo}, ${hi}, ${q(SECTOR_SHAPE[s as keyof typeof SECTOR_SHAPE].noun)}, ${arr(SECTOR_SHAPE[s as keyof typeof SECTOR_SHAPE].words)})`,
  );
  return `
    CREATE TABLE bench_meta AS SELECT date_trunc('day', now()) AS t0;
    CREATE TABLE bench_kinds (kind wbl_kind PRIMARY KEY, level wbl_level, label text, o_lo float8, o_hi float8, r_lo float8, r_hi float8,
      cap_min int, cap_max int, stu_min int, stu_max int, day_min int, day_max int, talk bool);
    INSERT INTO bench_kinds VALUES ${kinds.join(",\n")};
    CREATE TABLE bench_sectors (idx int PRIMARY KEY, sector text, lo float8, hi float8, noun text, words text[]);
    INSERT INTO bench_sectors VALUES ${sectors.join(",\n")};
    CREATE TABLE bench_cities (idx int PRIMARY KEY, city text, postal text);
    INSERT INTO bench_cities SELECT i, (${arr(CITIES)})[i], (93600 + i * 7)::text FROM generate_series(1, ${CITIES.length}) i`;
}

/**
 * Opportunities from..to. Employers are skewed (a few big hosts post most), kinds and sectors
 * follow the shares above, 22% are ongoing (no dates) and the rest start anywhere from ten months
 * ago to fourteen months ahead; those that ended more than two weeks ago are mostly closed or
 * archived, the rest mostly published (some drafts and paused).
 */
export function opportunitySteps(size: Size, from: number, to: number): Array<[string, string]> {
  const t0 = "(SELECT t0 FROM bench_meta)";
  return [
    [
      `opportunities ${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")}`,
      `SELECT setseed(${((from * 7919) % 997) / 997});
       DROP TABLE IF EXISTS bench_oz;
       CREATE TABLE bench_oz AS
       WITH x AS MATERIALIZED (
         SELECT o, 1 + floor(${size.employers} * power(random(), 1.8))::int AS e, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                random() r8, random() r9, random() r10, random() r11, random() r12, random() r13, random() r14, random() r15, random() r16, random() r17, random() r18,
                random() r19, random() r20
         FROM generate_series(${from}, ${to}) o),
       y AS MATERIALIZED (
         SELECT x.*, k.kind, k.level, k.label, em.name AS employer, em.city, em.postal,
                CASE WHEN x.r2 < 0.8 THEN em.sector ELSE s.sector END AS sector,
                CASE WHEN x.r2 < 0.8 THEN em.words ELSE s.words END AS words,
                k.cap_min + floor(x.r15 * (k.cap_max - k.cap_min + 1))::int AS capacity,
                (CASE WHEN k.talk THEN CASE WHEN x.r19 < 0.5 THEN 'in_person' WHEN x.r19 < 0.8 THEN 'virtual' ELSE 'hybrid' END
                      ELSE CASE WHEN x.r19 < 0.82 THEN 'in_person' WHEN x.r19 < 0.87 THEN 'virtual' ELSE 'hybrid' END END)::modality AS modality,
                CASE WHEN x.r3 >= 0.22 THEN ${t0} - interval '300 days' + floor(x.r4 * 730) * interval '1 day' + (8 + floor(x.r5 * 8)) * interval '1 hour' END AS starts_at,
                k.day_min + floor(x.r6 * (k.day_max - k.day_min + 1))::int AS days
         FROM x JOIN bench_kinds k ON x.r1 >= k.o_lo AND x.r1 < k.o_hi
         JOIN bench_emp em ON em.e = x.e
         JOIN bench_sectors s ON x.r2 >= s.lo AND x.r2 < s.hi),
       z AS MATERIALIZED (
         SELECT y.*, y.starts_at + y.days * interval '1 day' + (2 + floor(y.r7 * 3)) * interval '1 hour' AS ends_at,
                CASE WHEN y.starts_at IS NOT NULL THEN y.starts_at - (10 + floor(y.r8 * 80)) * interval '1 day' ELSE ${t0} - floor(y.r8 * 700) * interval '1 day' END AS created_at
         FROM y)
       SELECT z.*, (CASE WHEN ends_at < ${t0} - interval '14 days' THEN CASE WHEN r20 < 0.85 THEN 'closed' WHEN r20 < 0.95 THEN 'archived' ELSE 'published' END
                         WHEN r20 < 0.06 THEN 'draft' WHEN r20 < 0.11 THEN 'paused' WHEN r20 < 0.13 THEN 'closed' ELSE 'published' END)::opportunity_status AS status
       FROM z;
       INSERT INTO opportunities (id, region_id, employer_id, kind, level, sector, title, description, modality, city, postal_code, capacity, starts_at, ends_at, min_age,
                                  requirements, paid, hours_total, status, created_by, published_at, created_at, updated_at)
         SELECT bench_uuid('o' || o), bench_uuid('region'), bench_uuid('e' || e), kind, level, sector,
                initcap(words[1 + floor(r9 * 8)::int]) || ' ' || lower(label) || CASE WHEN r10 < 0.4 THEN ' with ' || employer ELSE '' END,
                'Students ' || (ARRAY['explore','see','practice','learn about','try'])[1 + floor(r11 * 5)::int] || ' ' || words[1 + floor(r12 * 8)::int] || ' and ' || words[1 + floor(r13 * 8)::int]
                  || ' alongside the ' || words[1 + floor(r9 * 8)::int] || ' team at ' || employer || '. ' || (${arr(GENERIC)})[1 + floor(r14 * ${GENERIC.length})::int],
                modality, CASE WHEN modality <> 'virtual' THEN city END, CASE WHEN modality <> 'virtual' THEN postal END, capacity, starts_at, ends_at,
                CASE WHEN r16 < 0.7 THEN NULL WHEN r16 < 0.85 THEN 16 WHEN r16 < 0.95 THEN 18 ELSE 14 END,
                CASE WHEN sector = 'Health Science and Medical Technology' AND r17 < 0.5 THEN '{TB test,Immunization record}'::text[] WHEN r17 < 0.3 THEN '{Closed-toe shoes}'::text[] ELSE '{}'::text[] END,
                kind IN ('internship', 'paid_work_experience', 'apprenticeship', 'pre_apprenticeship') AND (r17 < 0.7 OR kind = 'paid_work_experience'),
                CASE WHEN level = 'experience' THEN 40 + floor(r18 * 200) END,
                status, bench_uuid('ue' || e), CASE WHEN status <> 'draft' THEN created_at + interval '2 days' END, created_at, created_at + interval '2 days'
         FROM bench_oz;
       INSERT INTO bench_opp (o, e, kind, sector, status, capacity) SELECT o, e, kind, sector, status, capacity FROM bench_oz;
       DROP TABLE bench_oz`,
    ],
  ];
}

/**
 * Statements that fill an empty, migrated database with one region of `size`. Pure SQL
 * (generate_series + INSERT … SELECT, seeded random()) so nothing passes through Node and the
 * same size gives the same data on the same day (dates are anchored to today, since the app's
 * clock decides what "this month" and "open" mean). Bulk-loaded as pg_restore does: no FK
 * triggers (every reference is generated valid).
 */
export function generationSteps(size: Size, passwordHash: string): Array<[string, string]> {
  const S = size;
  const district = (s: string) => `bench_uuid('d' || (1 + (${s} - 1) % ${S.districts}))`;
  return [
    [
      "setup",
      `CREATE OR REPLACE FUNCTION bench_uuid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT overlay(overlay(md5($1) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;
       ${lookupTables()}`,
    ],
    [
      "region, districts, schools, employers, users",
      `SELECT setseed(0.11);
       INSERT INTO regions (id, name, slug) VALUES (bench_uuid('region'), 'Bench Valley', 'bench-valley');
       INSERT INTO organizations (id, region_id, type, name) VALUES (bench_uuid('intermediary'), bench_uuid('region'), 'intermediary', 'Bench Valley Collaborative');
       INSERT INTO organizations (id, region_id, type, name, city) SELECT bench_uuid('d' || d), bench_uuid('region'), 'district', 'District ' || d, c.city
         FROM generate_series(1, ${S.districts}) d JOIN bench_cities c ON c.idx = 1 + (d - 1) % 12;
       INSERT INTO organizations (id, region_id, type, name, parent_id, city, postal_code) SELECT bench_uuid('sch' || s), bench_uuid('region'), 'school', 'School ' || s, ${district("s")}, c.city, c.postal
         FROM generate_series(1, ${S.schools}) s JOIN bench_cities c ON c.idx = 1 + (s - 1) % 12;
       CREATE TABLE bench_emp AS
         SELECT e, (${arr(PREFIXES)})[1 + e % ${PREFIXES.length}] || ' ' || s.noun || ' ' || e AS name, s.sector, s.words, s2.sector AS sector2, x.r2, c.city, c.postal,
                CASE WHEN x.r3 < 0.2 THEN NULL WHEN x.r3 < 0.3 THEN 8 WHEN x.r3 < 0.35 THEN 2 ELSE 4 END AS cap
         FROM (SELECT e, random() r1, random() r2, random() r3, random() r4, random() r5 FROM generate_series(1, ${S.employers}) e OFFSET 0) x
         JOIN bench_sectors s ON x.r1 >= s.lo AND x.r1 < s.hi JOIN bench_sectors s2 ON s2.idx = 1 + floor(x.r4 * 15)::int
         JOIN bench_cities c ON c.idx = 1 + floor(x.r5 * 12)::int;
       CREATE UNIQUE INDEX ON bench_emp (e);
       INSERT INTO organizations (id, region_id, type, name, sectors, city, postal_code, ask_cap_per_month)
         SELECT bench_uuid('e' || e), bench_uuid('region'), 'employer', name, CASE WHEN r2 < 0.25 AND sector2 <> sector THEN ARRAY[sector, sector2] ELSE ARRAY[sector] END, city, postal, cap FROM bench_emp;
       INSERT INTO users (id, region_id, organization_id, email, name, role, status, password_hash) VALUES
         (bench_uuid('u-int'), bench_uuid('region'), bench_uuid('intermediary'), 'intermediary@bench.example', 'Bench Intermediary', 'intermediary', 'active', '${passwordHash}');
       INSERT INTO users (id, region_id, organization_id, email, name, role, status, password_hash)
         SELECT bench_uuid('uc' || d), bench_uuid('region'), bench_uuid('d' || d), 'coordinator' || d || '@bench.example', 'Coordinator ' || d, 'coordinator', 'active', '${passwordHash}' FROM generate_series(1, ${S.districts}) d;
       INSERT INTO users (id, region_id, organization_id, email, name, role, status, password_hash)
         SELECT bench_uuid('ut' || s), bench_uuid('region'), bench_uuid('sch' || s), 'teacher' || s || '@bench.example', 'Teacher ' || s, 'teacher', 'active', '${passwordHash}' FROM generate_series(1, ${S.schools}) s;
       INSERT INTO users (id, region_id, organization_id, email, name, role, status)
         SELECT bench_uuid('ue' || e), bench_uuid('region'), bench_uuid('e' || e), 'host' || e || '@bench.example', 'Host ' || e, 'employer', 'invited' FROM generate_series(1, ${S.employers}) e`,
    ],
    [
      `${S.pathways} pathways, ${S.students.toLocaleString("en-US")} students`,
      `SELECT setseed(0.22);
       INSERT INTO pathways (id, region_id, school_id, name, sector)
         SELECT bench_uuid('pw' || s || '-' || k), bench_uuid('region'), bench_uuid('sch' || s), sec.sector, sec.sector
         FROM generate_series(1, ${S.schools}) s CROSS JOIN generate_series(1, 3) k JOIN bench_sectors sec ON sec.idx = 1 + (s * 7 + k * 4) % 15;
       INSERT INTO students (id, region_id, district_id, school_id, local_id, ssid, first_name, last_name, birth_date, grade, guardian_name, guardian_email, guardian_phone,
                             guardian_language, gender, race_ethnicity, english_learner, disability, low_income)
         SELECT bench_uuid('st' || i), bench_uuid('region'), ${district("s")}, bench_uuid('sch' || s), 'S' || lpad(i::text, 7, '0'), CASE WHEN r1 < 0.97 THEN lpad(i::text, 10, '0') END,
                (${arr(FIRST)})[1 + floor(r2 * ${FIRST.length})::int], (${arr(LAST)})[1 + floor(r3 * ${LAST.length})::int],
                ((SELECT t0 FROM bench_meta) - ((g + 5) * 365 + floor(r4 * 365)) * interval '1 day')::date, g,
                'Guardian of ' || i, 'guardian' || i || '@example.net', '559-555-' || lpad((i % 10000)::text, 4, '0'), CASE WHEN r5 < 0.35 THEN 'es' ELSE 'en' END::language,
                (ARRAY['F','M','X'])[1 + floor(r6 * 2.04)::int], (ARRAY['hispanic','white','asian','black','filipino','two_or_more','american_indian','pacific_islander','declined'])[1 + floor(r7 * r7 * 9)::int],
                r8 < 0.2, r9 < 0.12, r10 < 0.6
         FROM (SELECT i, 1 + floor(${S.schools} * random())::int AS s, CASE WHEN random() < 0.04 THEN 8 ELSE 9 + floor(random() * 4)::int END AS g,
                      random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9, random() r10
               FROM generate_series(1, ${S.students}) i OFFSET 0) x`,
    ],
    [
      "opportunity scratch table",
      `CREATE TABLE bench_opp (o int PRIMARY KEY, e int, kind wbl_kind, sector text, status opportunity_status, capacity int)`,
    ],
    ...opportunitySteps(S, 1, S.opportunities),
    [
      `${S.requests.toLocaleString("en-US")} requests`,
      `SELECT setseed(0.33);
       CREATE TABLE bench_req AS
       WITH x AS MATERIALIZED (
         SELECT i, 1 + floor(${S.schools} * power(random(), 1.3))::int AS s, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9, random() r10, random() r11
         FROM generate_series(1, ${S.requests}) i)
       SELECT x.i, x.s, k.kind, k.level, k.talk, CASE WHEN x.r2 < 0.75 THEN 1 + floor(x.r3 * 3)::int END AS pw,
              k.stu_min + floor(x.r10 * (k.stu_max - k.stu_min + 1))::int AS students,
              ((SELECT t0 FROM bench_meta) - interval '600 days' + floor(x.r5 * 720) * interval '1 day')::date AS window_start, 7 + floor(x.r6 * 53)::int AS len,
              x.r2, x.r4, x.r7, x.r8, x.r9, x.r11
       FROM x JOIN bench_kinds k ON x.r1 >= k.r_lo AND x.r1 < k.r_hi;
       ALTER TABLE bench_req ADD COLUMN status request_status, ADD COLUMN sector text, ADD COLUMN created_at timestamptz;
       UPDATE bench_req b SET
         status = (CASE WHEN window_start + len < (SELECT t0 FROM bench_meta)::date THEN CASE WHEN r7 < 0.6 THEN 'fulfilled' WHEN r7 < 0.85 THEN 'expired' ELSE 'cancelled' END
                        ELSE CASE WHEN r7 < 0.62 THEN 'open' WHEN r7 < 0.9 THEN 'matched' ELSE 'cancelled' END END)::request_status,
         sector = coalesce((SELECT sector FROM bench_sectors WHERE idx = 1 + (s * 7 + pw * 4) % 15), (SELECT sector FROM bench_sectors WHERE r4 >= lo AND r4 < hi)),
         created_at = window_start - (14 + floor(r8 * 60)) * interval '1 day';
       CREATE UNIQUE INDEX ON bench_req (i);
       INSERT INTO requests (id, region_id, district_id, school_id, pathway_id, created_by, kind, level, sector, students, grade_levels, window_start, window_end, modality, notes, status, created_at, updated_at)
         SELECT bench_uuid('r' || i), bench_uuid('region'), ${district("s")}, bench_uuid('sch' || s), CASE WHEN pw IS NOT NULL THEN bench_uuid('pw' || s || '-' || pw) END, bench_uuid('ut' || s),
                kind, level, sector, students,
                CASE WHEN r9 < 0.2 THEN '{9,10}' WHEN r9 < 0.5 THEN '{11,12}' WHEN r9 < 0.75 THEN '{10,11}' WHEN r9 < 0.9 THEN '{12}' ELSE '{9,10,11,12}' END::smallint[],
                window_start, window_start + len,
                (CASE WHEN talk THEN CASE WHEN r11 < 0.5 THEN 'in_person' WHEN r11 < 0.7 THEN 'virtual' ELSE 'hybrid' END
                      ELSE CASE WHEN r11 < 0.78 THEN 'in_person' WHEN r11 < 0.83 THEN 'virtual' ELSE 'hybrid' END END)::modality,
                CASE WHEN r8 < 0.3 THEN 'Bus leaves at 8:30; two chaperones.' END, status, created_at, created_at + interval '1 day'
         FROM bench_req`,
    ],
    [
      `${S.matches.toLocaleString("en-US")} matches + feedback`,
      `SELECT setseed(0.44);
       CREATE TABLE bench_okr AS SELECT o, e, kind, capacity, row_number() OVER (PARTITION BY kind ORDER BY o) AS rn_all,
              row_number() OVER (PARTITION BY kind, status = 'published' ORDER BY o) AS rn_split, status = 'published' AS pub FROM bench_opp;
       CREATE INDEX ON bench_okr (kind, pub, rn_split); CREATE INDEX ON bench_okr (kind, rn_all);
       CREATE TABLE bench_kcnt AS SELECT kind, count(*) AS n_all, count(*) FILTER (WHERE pub) AS n_pub, count(*) FILTER (WHERE NOT pub) AS n_np FROM bench_okr GROUP BY kind;
       -- Live asks go to published opportunities; past ones mostly to listings since closed (so completed engagements do not fill today's seats).
       -- Every request gets one match whose state follows the request's (open → proposed/approved or declined, matched → accepted/scheduled,
       -- fulfilled → completed, expired → declined, cancelled → cancelled); the rest are earlier asks that were declined or cancelled.
       CREATE TABLE bench_m AS
         SELECT i, CASE WHEN i <= ${S.requests} THEN i ELSE 1 + ((i::bigint * 7919) % ${S.requests})::int END AS req,
                random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8
         FROM generate_series(1, ${S.matches}) i OFFSET 0;
       CREATE TABLE bench_m2 AS
         SELECT m.*, b.s, b.kind, b.students, b.window_start, b.len, b.created_at, x.status, x.live, p.pick,
                1 + floor(m.r2 * CASE p.pick WHEN 'pub' THEN c.n_pub WHEN 'np' THEN c.n_np ELSE c.n_all END)::int AS rn, NULL::int AS o, NULL::int AS e, NULL::int AS capacity
         FROM bench_m m JOIN bench_req b ON b.i = m.req JOIN bench_kcnt c ON c.kind = b.kind
         CROSS JOIN LATERAL (SELECT
                (CASE WHEN m.i > ${S.requests} THEN CASE WHEN m.r1 < 0.7 THEN 'declined' ELSE 'cancelled' END
                      WHEN b.status = 'open' THEN CASE WHEN m.r1 < 0.5 THEN 'proposed' WHEN m.r1 < 0.8 THEN 'approved' ELSE 'declined' END
                      WHEN b.status = 'matched' THEN CASE WHEN m.r1 < 0.5 THEN 'accepted' ELSE 'scheduled' END
                      WHEN b.status = 'fulfilled' THEN 'completed' WHEN b.status = 'expired' THEN 'declined' ELSE 'cancelled' END)::match_status AS status,
                b.status IN ('open', 'matched') AS live) x
         CROSS JOIN LATERAL (SELECT CASE WHEN x.live AND c.n_pub > 0 THEN 'pub' WHEN NOT x.live AND c.n_np > 0 AND m.r8 < 0.8 THEN 'np' ELSE 'all' END AS pick) p;
       UPDATE bench_m2 m SET o = k.o, e = k.e, capacity = k.capacity FROM bench_okr k WHERE m.pick <> 'all' AND k.kind = m.kind AND k.pub = (m.pick = 'pub') AND k.rn_split = m.rn;
       UPDATE bench_m2 m SET o = k.o, e = k.e, capacity = k.capacity FROM bench_okr k WHERE m.pick = 'all' AND k.kind = m.kind AND k.rn_all = m.rn;
       INSERT INTO matches (id, region_id, request_id, opportunity_id, employer_id, seats, status, note, proposed_by, approved_by, approved_at, accepted_at, scheduled_at,
                            completed_at, closed_at, attended_students, close_reason, created_at, updated_at)
         SELECT bench_uuid('m' || i), bench_uuid('region'), bench_uuid('r' || req), bench_uuid('o' || o), bench_uuid('e' || e), greatest(1, least(students, capacity)), status,
                CASE WHEN r3 < 0.2 THEN 'Can you host a small group?' END, bench_uuid('ut' || s),
                CASE WHEN status <> 'proposed' THEN ${district("s").replace("'d'", "'uc'")} END,
                CASE WHEN status = 'proposed' THEN NULL WHEN live THEN (SELECT t0 FROM bench_meta) - floor(r3 * 40) * interval '1 day' + interval '10 hours' ELSE created_at + interval '3 days' END AS approved_at,
                CASE WHEN status IN ('accepted', 'scheduled', 'completed') THEN CASE WHEN live THEN (SELECT t0 FROM bench_meta) - floor(r3 * 20) * interval '1 day' ELSE created_at + interval '5 days' END END,
                CASE WHEN status IN ('scheduled', 'completed') THEN window_start + (len / 2) * interval '1 day' + interval '17 hours' END,
                CASE WHEN status = 'completed' THEN window_start + (len / 2) * interval '1 day' + interval '20 hours' END,
                CASE WHEN status IN ('declined', 'cancelled') THEN least((SELECT t0 FROM bench_meta), created_at + interval '6 days') END,
                CASE WHEN status = 'completed' THEN greatest(1, least(students, capacity) - floor(r4 * 3)::int) END,
                CASE WHEN status = 'declined' THEN 'No availability that week' WHEN status = 'cancelled' THEN 'Schedule conflict' END,
                created_at + interval '1 day', created_at + interval '6 days'
         FROM bench_m2;
       INSERT INTO match_feedback (match_id, employer_id, user_id, role, rating, host_again, comment, created_at)
         SELECT bench_uuid('m' || i), bench_uuid('e' || e), bench_uuid('ut' || s), 'teacher', 3 + floor(r4 * 3)::int, r5 < 0.88, NULL, window_start + len * interval '1 day'
         FROM bench_m2 WHERE status = 'completed' AND r3 < 0.6;
       INSERT INTO match_feedback (match_id, employer_id, user_id, role, rating, host_again, created_at)
         SELECT bench_uuid('m' || i), bench_uuid('e' || e), bench_uuid('ue' || e), 'employer', 3 + floor(r6 * 3)::int, r6 < 0.93, window_start + len * interval '1 day'
         FROM bench_m2 WHERE status = 'completed' AND r7 < 0.35;
       UPDATE opportunities o SET seats_taken = least(o.capacity, t.seats)
         FROM (SELECT opportunity_id, sum(seats)::int AS seats FROM matches WHERE status IN ('accepted', 'scheduled', 'completed') GROUP BY opportunity_id) t
         WHERE t.opportunity_id = o.id`,
    ],
  ];
}

/** Runs steps one statement string at a time, with progress lines. */
export async function runSteps(
  client: pg.Client,
  steps: Array<[string, string]>,
  log: (line: string) => void,
): Promise<void> {
  await client.query(
    "SET synchronous_commit = off; SET session_replication_role = replica; SET max_parallel_workers_per_gather = 0; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'",
  );
  for (const [name, statement] of steps) {
    const t0 = performance.now();
    await client.query(statement);
    log(`    ${name.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s`);
  }
  await client.query("SET session_replication_role = origin");
  const t0 = performance.now();
  await client.query("VACUUM ANALYZE");
  log(`    ${"vacuum analyze".padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s`);
}
