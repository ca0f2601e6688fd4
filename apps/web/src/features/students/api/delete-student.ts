import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** `DELETE /api/students/:id`: erases the student and every record naming them (docs/privacy.md, Erasure). */
export const deleteStudent = (id: string) => api<void>(`/api/students/${id}`, { method: "DELETE" });

export function useDeleteStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStudent,
    // Their placements, paperwork and CALPADS rows went with them: every list may have changed.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
