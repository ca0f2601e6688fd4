import type { User } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export const getUsers = (page: number, signal?: AbortSignal) =>
  api<UserPage>("/api/users", { query: { page, pageSize: 25 }, signal });

export const usersQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ["users", "list", { page }],
    queryFn: ({ signal }) => getUsers(page, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(page: number) {
  return useQuery(usersQueryOptions(page));
}
