import type { C6IndicatorId } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export type IndicatorId = C6IndicatorId;

export interface IndicatorAssessment {
  indicator: IndicatorId;
  title: string;
  stages: { stage: number; label: string; description: string }[];
  stage: number | null;
  notes: string;
  updatedAt: string | null;
  evidence: Record<string, unknown>;
}

export interface SelfAssessment {
  schoolYear: string;
  evidenceScope: "region" | "district";
  indicators: IndicatorAssessment[];
}

export const getSelfAssessment = (schoolYear: string, signal?: AbortSignal) =>
  api<SelfAssessment>("/api/self-assessment", { query: { schoolYear }, signal });

export const selfAssessmentQueryOptions = (schoolYear: string) =>
  queryOptions({
    queryKey: ["self-assessment", schoolYear],
    queryFn: ({ signal }) => getSelfAssessment(schoolYear, signal),
    placeholderData: keepPreviousData,
  });

export function useSelfAssessment(schoolYear: string) {
  return useQuery(selfAssessmentQueryOptions(schoolYear));
}
