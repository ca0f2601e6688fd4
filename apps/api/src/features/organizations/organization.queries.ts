import { Conflict, type Organization, type ProblemText, type Sector, say } from "@bridgework/domain";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import type { OrganizationRow } from "../../lib/queries/organizations.ts";

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    regionId: row.regionId,
    type: row.type,
    name: row.name,
    parentId: row.parentId,
    sectors: row.sectors as Sector[],
    address: { city: row.city, postalCode: row.postalCode },
    localCode: row.localCode,
    askCapPerMonth: row.askCapPerMonth,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Runs an insert/update of an organization; a duplicate name or local code (same region and type)
 * becomes a 409 naming the field, instead of PostgreSQL's unique_violation.
 */
export async function uniqueOrganization<T>(
  query: PromiseLike<T>,
  duplicate: { name: ProblemText; localCode: string | null | undefined },
): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (constraintOf(error) === "organizations_local_code_idx") {
      const code = duplicate.localCode ?? "";
      throw new Conflict("duplicate", say("organization-local-code-taken", { code }), {}, [
        { path: "localCode", text: say("organization-local-code-field") },
      ]);
    }
    throw new Conflict("duplicate", duplicate.name, {}, [{ path: "name", text: say("organization-name-taken") }]);
  }
}

function constraintOf(error: unknown): string | undefined {
  const e = error as {
    constraint?: string;
    constraint_name?: string;
    cause?: { constraint?: string; constraint_name?: string };
  };
  return e?.cause?.constraint_name ?? e?.cause?.constraint ?? e?.constraint_name ?? e?.constraint;
}
