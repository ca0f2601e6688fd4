import type { EmployerInterestAccepted, EmployerInterestInput } from "@bridgework/domain";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** 202 for every accepted form: the page then asks the person to confirm by email. */
export const submitInterest = (slug: string, input: EmployerInterestInput) =>
  api<EmployerInterestAccepted>(`/api/public/regions/${encodeURIComponent(slug)}/interest`, {
    method: "POST",
    body: input,
    auth: false,
  });

export const useSubmitInterest = (slug: string) =>
  useMutation({ mutationFn: (input: EmployerInterestInput) => submitInterest(slug, input) });
