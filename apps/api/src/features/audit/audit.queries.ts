import { auditLog, type DbOrTx, documents, organizations, placements, students } from "@bridgework/db";
import type { PersonActor } from "@bridgework/domain";
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";

/** The keys under which a list read names the records it showed (`list-students`, `list-placements`…). */
const LISTED = { student: "ids", placement: "placementIds" } as const;
/** A details key as an SQL literal (constants only: a bound parameter would leave `->` ambiguous). */
const key = (name: string) => sql.raw(`'${name}'`);

/**
 * The rows that concern a district's students: reads and changes of the students themselves,
 * of their placements and of those placements' documents, and list reads that showed any of
 * them, whoever did them. A district must see what the region's intermediary (or anyone) did
 * with its students' records (FERPA: the district answers for every disclosure).
 */
function aboutDistrictStudents(districtId: string): SQL {
  const districtStudents = sql`select s.id::text from ${students} s where s.district_id = ${districtId}`;
  const districtPlacements = sql`select p.id::text from ${placements} p where p.district_id = ${districtId}`;
  return sql`(
    (${auditLog.entity} = 'student' and ${auditLog.entityId} in (select s.id from ${students} s where s.district_id = ${districtId}))
    or (${auditLog.entity} = 'placement' and ${auditLog.entityId} in (select p.id from ${placements} p where p.district_id = ${districtId}))
    or (${auditLog.entity} = 'document' and ${auditLog.entityId} in (select d.id from ${documents} d join ${placements} p on p.id = d.placement_id where p.district_id = ${districtId}))
    or (${auditLog.entity} = 'student' and jsonb_typeof(${auditLog.details} -> ${key(LISTED.student)}) = 'array' and (${auditLog.details} -> ${key(LISTED.student)}) ?| array(${districtStudents}))
    or (jsonb_typeof(${auditLog.details} -> ${key(LISTED.placement)}) = 'array' and (${auditLog.details} -> ${key(LISTED.placement)}) ?| array(${districtPlacements}))
    or (${auditLog.details} ->> 'districtId' = ${districtId})
  )`;
}

/**
 * Which audit rows a person reads: the intermediary the region's; a coordinator what their
 * district's people did, plus everything anyone did with their district's students' records.
 */
export function visibleAudit(actor: PersonActor & { role: "intermediary" | "coordinator" }): SQL {
  const region = eq(auditLog.regionId, actor.regionId);
  if (actor.role === "intermediary") return region;
  const byDistrictStaff = or(
    eq(organizations.id, actor.organizationId),
    eq(organizations.parentId, actor.organizationId),
  )!;
  return and(region, or(byDistrictStaff, aboutDistrictStudents(actor.organizationId)))!;
}

/**
 * `entityId`: the record itself, a list read that showed it, and what hangs off it — for a
 * student their placements and those placements' documents, for a placement its documents —
 * so one student's history holds everything done with their records.
 */
export function concerning(entityId: string): SQL {
  const listed = (name: string) => sql`(${auditLog.details} -> ${key(name)}) @> jsonb_build_array(${entityId}::text)`;
  const placementsOf = sql`select p.id from ${placements} p where p.student_id = ${entityId}`;
  const documentsOf = sql`select d.id from ${documents} d join ${placements} p on p.id = d.placement_id where p.student_id = ${entityId} or p.id = ${entityId}`;
  return or(
    eq(auditLog.entityId, entityId),
    listed(LISTED.student),
    listed(LISTED.placement),
    sql`(${auditLog.entity} = 'placement' and ${auditLog.entityId} in (${placementsOf}))`,
    sql`(${auditLog.entity} = 'document' and ${auditLog.entityId} in (${documentsOf}))`,
    sql`(jsonb_typeof(${auditLog.details} -> ${key(LISTED.placement)}) = 'array' and (${auditLog.details} -> ${key(LISTED.placement)}) ?| array(select p.id::text from ${placements} p where p.student_id = ${entityId}))`,
  )!;
}

type Details = Record<string, unknown>;

/**
 * A list read by someone outside the district names other districts' records too: the
 * coordinator sees only which of THEIR students and placements it showed.
 */
export async function narrowForDistrict(
  db: DbOrTx,
  districtId: string,
  rows: Array<{ details: Details | null; outsider: boolean }>,
): Promise<Array<Details | null>> {
  const listed = (d: Details | null, name: string) =>
    Array.isArray(d?.[name]) ? (d[name] as unknown[]).filter((v): v is string => typeof v === "string") : [];
  const outsiders = rows.filter((r) => r.outsider);
  const studentIds = [...new Set(outsiders.flatMap((r) => listed(r.details, LISTED.student)))];
  const placementIds = [...new Set(outsiders.flatMap((r) => listed(r.details, LISTED.placement)))];
  const [ownStudents, ownPlacements] = await Promise.all([
    studentIds.length
      ? db
          .select({ id: students.id })
          .from(students)
          .where(and(inArray(students.id, studentIds), eq(students.districtId, districtId)))
      : [],
    placementIds.length
      ? db
          .select({ id: placements.id })
          .from(placements)
          .where(and(inArray(placements.id, placementIds), eq(placements.districtId, districtId)))
      : [],
  ]);
  const own = new Set([...ownStudents, ...ownPlacements].map((r) => r.id));
  return rows.map(({ details, outsider }) => {
    if (!outsider || !details) return details;
    const narrowed: Details = { ...details };
    for (const name of Object.values(LISTED)) {
      if (!Array.isArray(details[name])) continue;
      narrowed[name] = listed(details, name).filter((id) => own.has(id));
      if (typeof details.count === "number") narrowed.count = (narrowed[name] as string[]).length;
    }
    // Which filters another district's search used is none of this district's business.
    delete narrowed.filter;
    return narrowed;
  });
}
