import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export type CertificateStatus = "valid" | "expiring" | "expired" | "missing";

export interface EmployerInsurance {
  employerId: string;
  employerName: string;
  status: CertificateStatus;
  certificate: {
    id: string;
    carrier: string;
    policyNumber: string;
    coverageAmount: number;
    expiresOn: string;
    status: CertificateStatus;
    createdAt: string;
  } | null;
}

export interface InsurancePage {
  items: EmployerInsurance[];
  total: number;
  page: number;
  pageSize: number;
}

export const getInsurance = (page: number, signal?: AbortSignal) =>
  api<InsurancePage>("/api/insurance", { query: { page, pageSize: 25 }, signal });

export const insuranceQueryOptions = (page?: number) =>
  queryOptions({
    queryKey: page ? ["insurance", "list", page] : ["insurance", "list"],
    queryFn: ({ signal }) => getInsurance(page ?? 1, signal),
    placeholderData: keepPreviousData,
  });

export function useInsurance(page: number) {
  return useQuery(insuranceQueryOptions(page));
}
