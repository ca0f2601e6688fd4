import { type DbOrTx, insuranceCertificateFiles, insuranceCertificates } from "@bridgework/db";
import { CERTIFICATE_CONTENT_TYPES, insuranceState } from "@bridgework/domain";
import { desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { CertificateRow } from "../../lib/queries/insurance-certificates.ts";

export type InsuranceState = ReturnType<typeof insuranceState>;

/** What a client learns about a certificate's file (the bytes come from the download endpoint). */
export const CertificateFile = z.object({
  name: z.string(),
  contentType: z.enum(CERTIFICATE_CONTENT_TYPES),
  size: z.number().int(),
});
export type CertificateFile = z.infer<typeof CertificateFile>;

export const Certificate = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  carrier: z.string(),
  policyNumber: z.string(),
  coverageAmount: z.number(),
  expiresOn: z.iso.date(),
  status: z.enum(["valid", "expiring", "expired", "missing"]),
  /** The certificate's own file, downloadable at `GET /api/insurance/certificates/:id/file`; null when recorded without one. */
  file: CertificateFile.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Certificate = z.infer<typeof Certificate>;

export function toCertificate(row: CertificateRow, today: string, file: CertificateFile | null = null): Certificate {
  return {
    id: row.id,
    employerId: row.employerId,
    carrier: row.carrier,
    policyNumber: row.policyNumber,
    coverageAmount: row.coverageAmount,
    expiresOn: row.expiresOn,
    status: insuranceState(row.expiresOn, today),
    file,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The files of these certificates (name, type, size; never the bytes), by certificate id. */
export async function certificateFiles(db: DbOrTx, certificateIds: string[]): Promise<Map<string, CertificateFile>> {
  if (certificateIds.length === 0) return new Map();
  const rows = await db
    .select({
      certificateId: insuranceCertificateFiles.certificateId,
      name: insuranceCertificateFiles.fileName,
      contentType: insuranceCertificateFiles.contentType,
      size: insuranceCertificateFiles.size,
    })
    .from(insuranceCertificateFiles)
    .where(inArray(insuranceCertificateFiles.certificateId, [...new Set(certificateIds)]));
  return new Map(
    rows.map((r) => [
      r.certificateId,
      { name: r.name, contentType: r.contentType as CertificateFile["contentType"], size: r.size },
    ]),
  );
}

/** Every certificate an employer has filed, newest first (the first one is the one that counts). */
export async function certificateHistory(db: DbOrTx, employerId: string): Promise<CertificateRow[]> {
  return db
    .select()
    .from(insuranceCertificates)
    .where(eq(insuranceCertificates.employerId, employerId))
    .orderBy(desc(insuranceCertificates.createdAt), desc(insuranceCertificates.id));
}
