import { pathways } from "@bridgework/db";
import {
  CreatePathway,
  Forbidden,
  pageOf,
  Pathway,
  PathwayListQuery,
  Problem,
  requireRole,
  type Sector,
  say,
} from "@bridgework/domain";
import { and, asc, count, eq } from "drizzle-orm";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { audit } from "../../lib/audit.ts";
import { type AppServices, type Ctx, ctxFor } from "../../lib/context.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";

const tags = ["pathways"];
type PathwayRow = typeof pathways.$inferSelect;
const toPathway = (r: PathwayRow): Pathway => ({
  id: r.id,
  name: r.name,
  sector: r.sector as Sector,
  schoolId: r.schoolId,
  createdAt: r.createdAt.toISOString(),
});

async function listPathways({ ctx, input }: { ctx: Ctx; input: PathwayListQuery }) {
  const where = and(
    eq(pathways.regionId, ctx.actor.regionId),
    input.schoolId ? eq(pathways.schoolId, input.schoolId) : undefined,
    input.sector ? eq(pathways.sector, input.sector) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(pathways)
      .where(where)
      .orderBy(asc(pathways.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(pathways).where(where),
  ]);
  return { items: rows.map(toPathway), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Coordinators add pathways to their own district's schools; intermediaries to any school of the region. */
async function createPathway({ ctx, input }: { ctx: Ctx; input: CreatePathway }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const school = await findOrganizationInRegion(ctx.db, actor.regionId, input.schoolId, "school");
  if (actor.role === "coordinator" && school.parentId !== actor.organizationId)
    throw new Forbidden(say("pathway-own-district"));
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await uniqueOrDuplicate(
      tx
        .insert(pathways)
        .values({ regionId: actor.regionId, schoolId: school.id, name: input.name, sector: input.sector })
        .returning(),
      say("pathway-exists", { school: school.name, name: input.name }),
    );
    await audit(tx, actor, "create", "pathway", created!.id);
    return created!;
  });
  return toPathway(row);
}

export async function pathwayRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  app.get(
    "/api/pathways",
    {
      schema: {
        tags,
        summary: "Pathways of your region (all roles)",
        querystring: PathwayListQuery,
        response: { 200: pageOf(Pathway), ...problemResponses },
      },
    },
    (req) => listPathways({ ctx: ctxFor(req, services), input: req.query }),
  );
  app.post(
    "/api/pathways",
    {
      schema: {
        tags,
        summary: "Add a pathway to a school (coordinator, intermediary)",
        body: CreatePathway,
        response: { 201: Pathway, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createPathway({ ctx: ctxFor(req, services), input: req.body })),
  );
}
