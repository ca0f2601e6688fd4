import type { Role } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

interface Page {
  total: number;
}

export interface RegionSummary {
  organizations: number;
  pathways: number;
  /** Only for roles that manage users. */
  users: number | null;
}

const MANAGES_USERS: readonly Role[] = ["intermediary", "coordinator", "employer"];

/** Counts only: each list is asked for one row and its total. */
export async function getRegionSummary(role: Role, signal?: AbortSignal): Promise<RegionSummary> {
  const one = { page: 1, pageSize: 1 };
  const [organizations, pathways, users] = await Promise.all([
    api<Page>("/api/organizations", { query: one, signal }),
    api<Page>("/api/pathways", { query: one, signal }),
    MANAGES_USERS.includes(role) ? api<Page>("/api/users", { query: one, signal }) : Promise.resolve(null),
  ]);
  return { organizations: organizations.total, pathways: pathways.total, users: users?.total ?? null };
}

export const regionSummaryQueryOptions = (role: Role) =>
  queryOptions({ queryKey: ["region-summary", role], queryFn: ({ signal }) => getRegionSummary(role, signal) });

export function useRegionSummary(role: Role) {
  return useQuery(regionSummaryQueryOptions(role));
}
