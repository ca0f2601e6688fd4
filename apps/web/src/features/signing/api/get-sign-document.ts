import type { DocumentKind, GuardianLanguage, SignerRole } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface SignView {
  documentId: string;
  kind: DocumentKind;
  title: string;
  text: string;
  language: GuardianLanguage;
  templateVersion: number;
  status: "pending" | "signed" | "void";
  dueOn: string;
  signer: { name: string; role: SignerRole; roleLabel: string };
  placement: { summary: string; opportunityTitle: string; employerName: string; startDate: string; endDate: string; supervisorName: string };
  expiresAt: string;
}

/** Opening a sign link never uses it (mail scanners open links too); only signing does. */
export const getSignDocument = (token: string, signal?: AbortSignal) => api<SignView>(`/api/sign/${encodeURIComponent(token)}`, { signal, auth: false });

export const signDocumentQueryOptions = (token: string) =>
  queryOptions({ queryKey: ["sign", token], queryFn: ({ signal }) => getSignDocument(token, signal), retry: false, staleTime: Infinity });

export function useSignDocument(token: string) {
  return useQuery(signDocumentQueryOptions(token));
}
