import { auditLog, organizations, users } from "@bridgework/db";
import { requireRole } from "@bridgework/domain";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { concerning, narrowForDistrict, visibleAudit } from "./audit.queries.ts";

const AuditEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  entity: z.string(),
  entityId: z.uuid().nullable(),
  /** Who did it, with their organization: a district reads the intermediary's reads of its students too. */
  actor: z
    .object({
      id: z.uuid(),
      name: z.string(),
      role: z.string(),
      organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    })
    .nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  at: z.iso.datetime({ offset: true }),
});
const AuditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * Who read or changed what. Intermediaries see the region; coordinators what their district's
 * people did and whatever anyone did with their district's students' records (audit.queries.ts).
 */
export async function auditRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary:
          "Audit log (intermediary: the region; coordinator: their district's people, and anyone's reads and changes of their district's students, placements and documents)",
        querystring: AuditQuery,
        response: {
          200: z.object({ items: z.array(AuditEntry), page: z.number(), pageSize: z.number() }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const ctx = ctxFor(req, services);
      requireRole(ctx.actor, ["intermediary", "coordinator"]);
      const actor = ctx.actor;
      const q = req.query;
      const rows = await ctx.db
        .select({ entry: auditLog, user: users, organization: organizations })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .where(
          and(
            visibleAudit(actor),
            q.entity ? eq(auditLog.entity, q.entity) : undefined,
            q.entityId ? concerning(q.entityId) : undefined,
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const district = actor.role === "coordinator" ? actor.organizationId : null;
      const outsider = (org: typeof organizations.$inferSelect | null) =>
        district !== null && org?.id !== district && org?.parentId !== district;
      const details = district
        ? await narrowForDistrict(
            ctx.db,
            district,
            rows.map((r) => ({ details: r.entry.details ?? null, outsider: outsider(r.organization) })),
          )
        : rows.map((r) => r.entry.details ?? null);
      return {
        items: rows.map(({ entry, user, organization }, i) => ({
          id: entry.id,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          actor: user
            ? {
                id: user.id,
                name: user.name,
                role: user.role,
                organization: organization ? { id: organization.id, name: organization.name } : null,
              }
            : null,
          details: details[i] ?? null,
          at: entry.at.toISOString(),
        })),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
