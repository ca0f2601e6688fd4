import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import type { IndicatorAssessment, IndicatorId } from "./get-self-assessment.ts";

export interface SaveSelfAssessmentInput {
  indicator: IndicatorId;
  schoolYear: string;
  stage: number;
  notes: string;
}

export const saveSelfAssessment = ({ indicator, ...body }: SaveSelfAssessmentInput) =>
  api<IndicatorAssessment>(`/api/self-assessment/${encodeURIComponent(indicator)}`, { method: "PUT", body });

export function useSaveSelfAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSelfAssessment,
    onSuccess: (_saved, input) => queryClient.invalidateQueries({ queryKey: ["self-assessment", input.schoolYear] }),
  });
}
