import type { Student, StudentForTeacher } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface StudentsParams {
  q?: string;
  grade?: number;
  schoolId?: string;
  page: number;
}

/** Coordinators and intermediaries get the full row; teachers the limited one (no guardian, no birth date). */
export type StudentRow = Student | StudentForTeacher;

export interface StudentPage {
  items: StudentRow[];
  total: number;
  page: number;
  pageSize: number;
}

export const getStudents = (params: StudentsParams, signal?: AbortSignal) =>
  api<StudentPage>("/api/students", { query: { pageSize: 25, ...params }, signal });

export const studentsQueryOptions = (params?: StudentsParams) =>
  queryOptions({
    queryKey: params ? ["students", "list", params] : ["students", "list"],
    queryFn: ({ signal }) => getStudents(params ?? { page: 1 }, signal),
    placeholderData: keepPreviousData,
  });

export function useStudents(params: StudentsParams) {
  return useQuery(studentsQueryOptions(params));
}

export const isFullStudent = (s: StudentRow): s is Student => "guardian" in s;
