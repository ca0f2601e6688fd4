import type { InsuranceInput } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { downloadFile } from "../../../lib/download.ts";
import type { CertificateStatus } from "./get-insurance.ts";

export interface CertificateFile {
  name: string;
  contentType: "application/pdf" | "image/png" | "image/jpeg";
  size: number;
}

export interface Certificate {
  id: string;
  employerId: string;
  carrier: string;
  policyNumber: string;
  coverageAmount: number;
  expiresOn: string;
  status: CertificateStatus;
  file: CertificateFile | null;
  createdAt: string;
}

export interface EmployerInsuranceHistory {
  employerId: string;
  employerName: string;
  status: CertificateStatus;
  certificate: Certificate | null;
  history: Certificate[];
}

export type BlockReason = "missing" | "expired" | "expires_before_start";

export interface BlockedEmployer {
  employerId: string;
  employerName: string;
  status: CertificateStatus;
  expiresOn: string | null;
  placements: {
    id: string;
    status: "pending_paperwork" | "ready";
    reason: BlockReason;
    startDate: string;
    student: { id: string; firstName: string; lastName: string };
    school: string;
    opportunityTitle: string;
  }[];
}

export const employerInsuranceQueryOptions = (employerId: string) =>
  queryOptions({
    queryKey: ["insurance", "employer", employerId],
    queryFn: ({ signal }) => api<EmployerInsuranceHistory>(`/api/organizations/${employerId}/insurance`, { signal }),
  });

export const useEmployerInsurance = (employerId: string) => useQuery(employerInsuranceQueryOptions(employerId));

export const blockedQueryOptions = () =>
  queryOptions({
    queryKey: ["insurance", "blocked"],
    queryFn: ({ signal }) => api<{ items: BlockedEmployer[] }>("/api/insurance/blocked", { signal }),
  });

export const useBlockedPlacements = () => useQuery(blockedQueryOptions());

/** Files a certificate (the file goes as base64 in the JSON body); every insurance view is refreshed. */
export function useFileCertificate(employerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InsuranceInput) =>
      api<Certificate>(`/api/organizations/${employerId}/insurance`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["insurance"] }),
  });
}

export function useRequestCertificate() {
  return useMutation({
    mutationFn: (employerId: string) =>
      api<{ recipients: number; sent: number }>(`/api/organizations/${employerId}/insurance/request`, {
        method: "POST",
      }),
  });
}

export const downloadCertificate = (certificate: Certificate & { file: CertificateFile }) =>
  downloadFile(`/api/insurance/certificates/${certificate.id}/file`, {
    accept: certificate.file.contentType,
    filename: certificate.file.name,
  });

/** The file's bytes as base64 (without the data: prefix), for the JSON body. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("unreadable file"));
    reader.readAsDataURL(file);
  });
}
