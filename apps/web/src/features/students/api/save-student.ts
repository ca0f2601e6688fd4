import type { CreateStudent, Student, UpdateStudent } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { studentsQueryOptions } from "./get-students.ts";

export const createStudent = (input: CreateStudent) => api<Student>("/api/students", { method: "POST", body: input });
export const updateStudent = (id: string, input: UpdateStudent) =>
  api<Student>(`/api/students/${id}`, { method: "PATCH", body: input });

export function useSaveStudent(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStudent) => {
      if (!id) return createStudent(input);
      const { localId: _localId, ...rest } = input;
      return updateStudent(id, rest);
    },
    onSuccess: async () => {
      // A student's SSID decides whether their CALPADS records are ready: drop that list too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: studentsQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: ["exports", "calpads-validation"] }),
      ]);
    },
  });
}
