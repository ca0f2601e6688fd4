import { organizations } from "@bridgework/db";
import type { OrganizationListQuery } from "@bridgework/domain";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { toOrganization } from "./organization.queries.ts";

/** Every role sees the organizations of its own region (to pick schools, employers, districts). */
export async function listOrganizations({ ctx, input }: { ctx: Ctx; input: OrganizationListQuery }) {
  const where = and(
    eq(organizations.regionId, ctx.actor.regionId),
    input.type ? eq(organizations.type, input.type) : undefined,
    input.parentId ? eq(organizations.parentId, input.parentId) : undefined,
    input.q ? matching(input.q) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items: rows.map(toOrganization), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Part of the name, or the local code exactly or by its start, whatever the case ("vh" finds VHS). */
function matching(q: string) {
  const like = q.replace(/[%_\\]/g, "\\$&");
  return or(ilike(organizations.name, `%${like}%`), ilike(organizations.localCode, `${like}%`));
}
