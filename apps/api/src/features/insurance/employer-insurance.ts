import { insuranceCertificateFiles, insuranceCertificates, organizations } from "@bridgework/db";
import { dayOf, insuranceState, NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { certificateFiles, certificateHistory, toCertificate } from "./insurance.queries.ts";

/** An employer's own people see its insurance; coordinators and the intermediary see every employer of the region. Another employer's id is 404. */
function assertMaySeeEmployer(actor: PersonActor, employerId: string) {
  requireRole(actor, ["intermediary", "coordinator", "employer"]);
  if (actor.role === "employer" && actor.organizationId !== employerId) throw new NotFound("employer");
}

/** An employer's insurance: its status (from the newest certificate) and every certificate it has filed, newest first. */
export async function employerInsurance({ ctx, employerId }: { ctx: Ctx; employerId: string }) {
  assertMaySeeEmployer(ctx.actor, employerId);
  const employer = await findOrganizationInRegion(ctx.db, ctx.actor.regionId, employerId, "employer");
  const today = dayOf(ctx.clock.now());
  const rows = await certificateHistory(ctx.db, employer.id);
  const files = await certificateFiles(
    ctx.db,
    rows.map((r) => r.id),
  );
  const history = rows.map((r) => toCertificate(r, today, files.get(r.id) ?? null));
  return {
    employerId: employer.id,
    employerName: employer.name,
    status: insuranceState(rows[0]?.expiresOn ?? null, today),
    certificate: history[0] ?? null,
    history,
  };
}

/**
 * A certificate's file, for the employer's own people and the region's coordinators and
 * intermediary (anyone else, or another region's certificate: 404). Every download is audited.
 */
export async function certificateFile({ ctx, certificateId }: { ctx: Ctx; certificateId: string }) {
  const actor = ctx.actor;
  requireRole(actor, ["intermediary", "coordinator", "employer"]);
  const [row] = await ctx.db
    .select({
      employerId: insuranceCertificates.employerId,
      fileName: insuranceCertificateFiles.fileName,
      contentType: insuranceCertificateFiles.contentType,
      content: insuranceCertificateFiles.content,
    })
    .from(insuranceCertificateFiles)
    .innerJoin(insuranceCertificates, eq(insuranceCertificates.id, insuranceCertificateFiles.certificateId))
    .innerJoin(organizations, eq(organizations.id, insuranceCertificates.employerId))
    .where(
      and(
        eq(insuranceCertificateFiles.certificateId, certificateId),
        eq(insuranceCertificates.regionId, actor.regionId),
        eq(organizations.regionId, actor.regionId),
        actor.role === "employer" ? eq(insuranceCertificates.employerId, actor.organizationId) : undefined,
      ),
    );
  if (!row) throw new NotFound("certificate");
  await audit(ctx.db, actor, "download", "insurance_certificate", certificateId, {
    employerId: row.employerId,
    fileName: row.fileName,
  });
  return row;
}
