import type { SignInput } from "@bridgework/domain";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface Signed {
  documentId: string;
  status: "signed";
  signedAt: string;
  textSha256: string;
  placementReady: boolean;
}

export const signDocument = (token: string, input: SignInput) => api<Signed>(`/api/sign/${encodeURIComponent(token)}`, { method: "POST", body: input, auth: false });

/** The page shows the confirmation from the answer; the cached document is left alone so nothing re-opens the used link. */
export function useSign(token: string) {
  return useMutation({ mutationFn: (input: SignInput) => signDocument(token, input) });
}
