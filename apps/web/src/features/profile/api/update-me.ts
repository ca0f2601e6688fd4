import { useMutation, useQueryClient } from "@tanstack/react-query";
import { updateMe } from "../../../lib/preferences.ts";
import { meQueryOptions } from "./get-me.ts";

export { updateMe };

/** Saving refreshes the profile shown and the session (the app switches language at once). */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => queryClient.setQueryData(meQueryOptions().queryKey, me),
  });
}
