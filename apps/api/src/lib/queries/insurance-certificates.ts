import { type DbOrTx, insuranceCertificates } from "@bridgework/db";
import { desc, inArray } from "drizzle-orm";

export type CertificateRow = typeof insuranceCertificates.$inferSelect;

/**
 * The most recently recorded certificate of each employer. The newest record wins even when it
 * expires sooner than an older one: a re-recorded certificate is a correction.
 */
export async function latestCertificates(db: DbOrTx, employerIds: string[]): Promise<Map<string, CertificateRow>> {
  if (employerIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([insuranceCertificates.employerId])
    .from(insuranceCertificates)
    .where(inArray(insuranceCertificates.employerId, [...new Set(employerIds)]))
    .orderBy(insuranceCertificates.employerId, desc(insuranceCertificates.createdAt), desc(insuranceCertificates.id));
  return new Map(rows.map((r) => [r.employerId, r]));
}
