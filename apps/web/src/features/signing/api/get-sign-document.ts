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
  placement: {
    summary: string;
    opportunityTitle: string;
    employerName: string;
    startDate: string;
    endDate: string;
    supervisorName: string;
  };
  /** Where this document stands among the link's documents ("2 of 3"); a single-document link is a packet of one. */
  packet: {
    position: number;
    total: number;
    signed: number;
    documents: { id: string; title: string; status: "pending" | "signed" | "void" }[];
  };
  expiresAt: string;
}

/** Opening a sign link never uses it (mail scanners open links too); a packet link shows the signer's next unsigned document. */
export const getSignDocument = (token: string, signal?: AbortSignal) =>
  api<SignView>(`/api/sign/${encodeURIComponent(token)}`, { signal, auth: false });

export const signDocumentQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ["sign", token],
    queryFn: ({ signal }) => getSignDocument(token, signal),
    retry: false,
    staleTime: Infinity,
  });

export function useSignDocument(token: string) {
  return useQuery(signDocumentQueryOptions(token));
}
