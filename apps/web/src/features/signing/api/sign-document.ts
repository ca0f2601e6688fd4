import type { SignInput } from "@bridgework/domain";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface Signed {
  documentId: string;
  status: "signed";
  signedAt: string;
  textSha256: string;
  placementReady: boolean;
  /** The signer's documents still to sign through this link; 0 means all done (the link is used up). */
  remaining: number;
}

/** The typed signature and the document it signs (a packet link requires the id of the document shown). */
export type SignBody = SignInput & { documentId: string };

export const signDocument = (token: string, input: SignBody) =>
  api<Signed>(`/api/sign/${encodeURIComponent(token)}`, { method: "POST", body: input, auth: false });

/**
 * The page moves on from the answer: with documents remaining it fetches the next one, with none
 * it shows the end page and leaves the cached document alone, so nothing re-opens the used link.
 */
export function useSign(token: string) {
  return useMutation({ mutationFn: (input: SignBody) => signDocument(token, input) });
}
