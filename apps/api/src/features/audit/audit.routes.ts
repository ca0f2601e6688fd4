import { auditLog, organizations, users } from "@bridgework/db";
import { requireRole } from "@bridgework/domain";
import { and, desc, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";

const AuditEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  entity: z.string(),
  entityId: z.uuid().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string(), role: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: z.iso.datetime({ offset: true }),
});
const AuditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** Who read or changed what. Intermediaries see the region; coordinators what their district's people did. */
export async function auditRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  app.get(
    "/api/audit",
    { schema: { tags: ["audit"], summary: "Audit log (intermediary, coordinator)", querystring: AuditQuery, response: { 200: z.object({ items: z.array(AuditEntry), page: z.number(), pageSize: z.number() }), ...problemResponses } } },
    async (req) => {
      const ctx = ctxFor(req, services);
      requireRole(ctx.actor, ["intermediary", "coordinator"]);
      const q = req.query;
      const district = ctx.actor.role === "coordinator" ? or(eq(organizations.id, ctx.actor.organizationId), eq(organizations.parentId, ctx.actor.organizationId)) : undefined;
      const rows = await ctx.db
        .select({ entry: auditLog, user: users })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .where(and(eq(auditLog.regionId, ctx.actor.regionId), district, q.entity ? eq(auditLog.entity, q.entity) : undefined, q.entityId ? eq(auditLog.entityId, q.entityId) : undefined))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return {
        items: rows.map(({ entry, user }) => ({
          id: entry.id,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          actor: user ? { id: user.id, name: user.name, role: user.role } : null,
          details: entry.details ?? null,
          at: entry.at.toISOString(),
        })),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
