import { type DbOrTx, documents, hoursEntries, placements } from "@bridgework/db";
import {
  insuranceState,
  NotFound,
  type PersonActor,
  type PlacementDocument,
  type PlacementForStaff,
  placementFor,
  type PlacementView,
} from "@bridgework/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { latestCertificates } from "../../lib/queries/insurance-certificates.ts";
import { selectPlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { visiblePlacements } from "../../lib/queries/placements.ts";

export type PlacementRow = typeof placements.$inferSelect;

/** One placement the person may see, locked FOR UPDATE when `lock` (state changes serialize on it). */
export async function findVisiblePlacement(
  db: DbOrTx,
  actor: PersonActor,
  id: string,
  lock = false,
): Promise<PlacementRow> {
  const query = db
    .select()
    .from(placements)
    .where(and(eq(placements.id, id), visiblePlacements(actor)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFound("placement");
  return row;
}

type DocumentRow = typeof documents.$inferSelect;

function toDocument(d: DocumentRow): PlacementDocument {
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    signer: { role: d.signerRole, name: d.signerName, email: d.signerEmail },
    language: d.language,
    templateVersion: 0,
    signedAt: d.signedAt?.toISOString() ?? null,
    dueOn: d.dueOn,
  };
}

/**
 * Placements as the API shows them to this person, with documents, insurance and hours, in a
 * fixed number of queries. Each is built in full, then cut to the reader's allow-list
 * (`placementFor`, domain placement-views.ts): guardians, emails and staff notes never reach a
 * role that may not read them.
 */
export async function presentPlacements(
  db: DbOrTx,
  actor: PersonActor,
  ids: string[],
  today: string,
): Promise<PlacementView[]> {
  if (ids.length === 0) return [];
  const [facts, docs, hours] = await Promise.all([
    selectPlacementFacts(db).where(inArray(placements.id, ids)),
    db
      .select({
        doc: documents,
        version: sql<number>`(select version from document_templates t where t.id = ${documents.templateId})`,
      })
      .from(documents)
      .where(inArray(documents.placementId, ids))
      .orderBy(asc(documents.createdAt), asc(documents.kind)),
    db
      .select({
        placementId: hoursEntries.placementId,
        status: hoursEntries.status,
        total: sql<number>`sum(${hoursEntries.hours})::float8`,
      })
      .from(hoursEntries)
      .where(inArray(hoursEntries.placementId, ids))
      .groupBy(hoursEntries.placementId, hoursEntries.status),
  ]);
  const certificates = await latestCertificates(
    db,
    facts.map((f) => f.placement.employerId),
  );
  const byId = new Map(facts.map((f) => [f.placement.id, f]));
  return ids.flatMap((id) => {
    const f = byId.get(id);
    if (!f) return [];
    const p = f.placement;
    const cert = certificates.get(p.employerId);
    const sum = (status: string) => hours.find((h) => h.placementId === id && h.status === status)?.total ?? 0;
    const override = p.insuranceOverride
      ? { kind: p.insuranceOverride.kind, note: p.insuranceOverride.note, recordedAt: p.insuranceOverride.recordedAt }
      : null;
    const full: PlacementForStaff = {
      id: p.id,
      status: p.status,
      student: {
        id: p.studentId,
        firstName: f.student.firstName,
        lastInitial: f.student.lastName.slice(0, 1),
        lastName: f.student.lastName,
        grade: f.student.grade,
        schoolName: f.schoolName,
      },
      opportunityId: p.opportunityId,
      opportunityTitle: f.opportunityTitle,
      employerId: p.employerId,
      employerName: f.employerName,
      startDate: p.startDate,
      endDate: p.endDate,
      supervisor: { name: p.supervisorName, email: p.supervisorEmail, language: p.supervisorLanguage },
      documents: docs
        .filter((d) => d.doc.placementId === id)
        .map((d) => ({ ...toDocument(d.doc), templateVersion: d.version })),
      insurance: {
        status: insuranceState(cert?.expiresOn ?? null, today),
        expiresOn: cert?.expiresOn ?? null,
        override,
      },
      hoursApproved: sum("approved"),
      hoursPending: sum("pending"),
      withdrawReason: p.withdrawReason,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
    return [placementFor(actor.role, full)];
  });
}

export async function presentPlacement(
  db: DbOrTx,
  actor: PersonActor,
  id: string,
  today: string,
): Promise<PlacementView> {
  const [view] = await presentPlacements(db, actor, [id], today);
  if (!view) throw new NotFound("placement");
  return view;
}
