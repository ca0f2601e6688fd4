import { organizations, users } from "@bridgework/db";
import { requireRole, type UserListQuery } from "@bridgework/domain";
import { and, asc, count, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { toUser, visibleUsers } from "./user.queries.ts";

export async function listUsers({ ctx, input }: { ctx: Ctx; input: UserListQuery }) {
  requireRole(ctx.actor, ["intermediary", "coordinator", "employer"]);
  const where = and(
    visibleUsers(ctx.actor),
    input.organizationId ? eq(users.organizationId, input.organizationId) : undefined,
  );
  const base = () => ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(users.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db
      .select({ n: count() })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(where),
  ]);
  return { items: rows.map((r) => toUser(r.users)), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
