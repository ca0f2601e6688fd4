import type { CreateRequest, WblRequest } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { requestQueryOptions } from "./get-request.ts";
import { requestsQueryOptions } from "./get-requests.ts";

export const createRequest = (input: CreateRequest) =>
  api<WblRequest>("/api/requests", { method: "POST", body: input });

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRequest,
    onSuccess: (created) => {
      queryClient.setQueryData(requestQueryOptions(created.id).queryKey, created);
      return queryClient.invalidateQueries({ queryKey: requestsQueryOptions().queryKey });
    },
  });
}
