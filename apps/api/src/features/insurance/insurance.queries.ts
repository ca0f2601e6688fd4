import { type DbOrTx, insuranceCertificates } from "@bridgework/db";
import { insuranceState } from "@bridgework/domain";
import { desc, inArray } from "drizzle-orm";
import { z } from "zod";

export type CertificateRow = typeof insuranceCertificates.$inferSelect;
export type InsuranceState = ReturnType<typeof insuranceState>;

export const Certificate = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  carrier: z.string(),
  policyNumber: z.string(),
  coverageAmount: z.number(),
  expiresOn: z.iso.date(),
  status: z.enum(["valid", "expiring", "expired", "missing"]),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Certificate = z.infer<typeof Certificate>;

export function toCertificate(row: CertificateRow, today: string): Certificate {
  return {
    id: row.id,
    employerId: row.employerId,
    carrier: row.carrier,
    policyNumber: row.policyNumber,
    coverageAmount: row.coverageAmount,
    expiresOn: row.expiresOn,
    status: insuranceState(row.expiresOn, today),
    createdAt: row.createdAt.toISOString(),
  };
}

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
