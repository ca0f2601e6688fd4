import { organizations } from "@bridgework/db";
import { dayOf, insuranceState, type PageQuery, requireRole } from "@bridgework/domain";
import { and, asc, count, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { certificateFiles, toCertificate } from "./insurance.queries.ts";
import { latestCertificates } from "../../lib/queries/insurance-certificates.ts";

/** Every employer of the region with its latest certificate and whether it is valid, expiring (30 days), expired or missing. */
export async function listInsurance({ ctx, input }: { ctx: Ctx; input: PageQuery }) {
  requireRole(ctx.actor, ["intermediary", "coordinator"]);
  const today = dayOf(ctx.clock.now());
  const where = and(eq(organizations.regionId, ctx.actor.regionId), eq(organizations.type, "employer"));
  const [employers, [total]] = await Promise.all([
    ctx.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(organizations).where(where),
  ]);
  const latest = await latestCertificates(
    ctx.db,
    employers.map((e) => e.id),
  );
  const files = await certificateFiles(
    ctx.db,
    [...latest.values()].map((c) => c.id),
  );
  const items = employers.map((e) => {
    const cert = latest.get(e.id);
    return {
      employerId: e.id,
      employerName: e.name,
      status: insuranceState(cert?.expiresOn ?? null, today),
      certificate: cert ? toCertificate(cert, today, files.get(cert.id) ?? null) : null,
    };
  });
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
