import { type DbOrTx, organizations, users } from "@bridgework/db";
import {
  type EmployerPreferences,
  type FieldProblem,
  NotFound,
  type PersonActor,
  requireRole,
  RuleViolation,
  say,
  type UpdateEmployerPreferences,
} from "@bridgework/domain";
import { and, asc, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion, type OrganizationRow } from "../../lib/queries/organizations.ts";

/** The employer an employer user or the intermediary may set preferences for; anyone else's is 404. */
export async function preferencesEmployer(db: DbOrTx, actor: PersonActor, id: string): Promise<OrganizationRow> {
  const org = await findOrganizationInRegion(db, actor.regionId, id, "employer");
  // Another employer's preferences look missing, as everything not yours does.
  if (actor.role === "employer" && actor.organizationId !== org.id) throw new NotFound("employer");
  return org;
}

const employerUsers = (db: DbOrTx, orgId: string) =>
  db
    .select({ id: users.id, name: users.name, email: users.email, language: users.language, status: users.status })
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.role, "employer")))
    .orderBy(asc(users.name), asc(users.email));

/** The intermediary's cap, the ceiling of the employer's own (rows from before migration 0021 or the vetting queue: the cap itself). */
const ceilingOf = (org: OrganizationRow) => org.regionAskCapPerMonth ?? org.askCapPerMonth;

async function toPreferences(db: DbOrTx, org: OrganizationRow): Promise<EmployerPreferences> {
  const contacts = await employerUsers(db, org.id);
  return {
    organizationId: org.id,
    askCapPerMonth: org.askCapPerMonth,
    regionAskCapPerMonth: ceilingOf(org),
    blackoutMonths: [...org.blackoutMonths].sort((a, b) => a - b),
    preferredContactId: org.preferredContactId,
    contacts: contacts.map(({ id, name, email }) => ({ id, name, email })),
  };
}

/** An employer's engagement preferences (its own users, the intermediary of its region). */
export async function getEmployerPreferences({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  return toPreferences(ctx.db, await preferencesEmployer(ctx.db, ctx.actor, id));
}

/**
 * Sets an employer's preferences. An employer user may lower its ask cap, and raise it again up to
 * the cap the intermediary set, never above (422 naming the field); the intermediary may set any
 * cap (it becomes the new ceiling). The preferred contact must be one of the employer's own
 * users (422). Audited.
 */
export async function updateEmployerPreferences({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: UpdateEmployerPreferences;
}) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  const actor = ctx.actor;
  const org = await preferencesEmployer(ctx.db, actor, id);
  const fields: FieldProblem[] = [];
  const ceiling = ceilingOf(org);
  const capAbove =
    input.askCapPerMonth !== undefined &&
    actor.role === "employer" &&
    ceiling !== null &&
    (input.askCapPerMonth === null || input.askCapPerMonth > ceiling);
  if (capAbove && ceiling !== null)
    fields.push({ path: "askCapPerMonth", text: say("own-ask-cap-field", { cap: ceiling }) });
  if (input.preferredContactId) {
    const colleague = (await employerUsers(ctx.db, org.id)).find((u) => u.id === input.preferredContactId);
    if (!colleague) fields.push({ path: "preferredContactId", text: say("preferred-contact-field") });
  }
  if (fields.length > 0) {
    const detail =
      capAbove && ceiling !== null && fields.length === 1
        ? say("own-ask-cap-above-region", { cap: ceiling })
        : fields.length === 1 && fields[0]!.path === "preferredContactId"
          ? say("preferred-contact-not-colleague")
          : say("preferences-not-saved");
    throw new RuleViolation("rule-violation", detail, {}, fields);
  }
  if (Object.values(input).every((v) => v === undefined)) return toPreferences(ctx.db, org);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organizations)
      .set({
        askCapPerMonth: input.askCapPerMonth,
        // The intermediary's cap is the new ceiling; an employer's own leaves the ceiling where it was.
        regionAskCapPerMonth:
          input.askCapPerMonth === undefined
            ? undefined
            : actor.role === "intermediary"
              ? input.askCapPerMonth
              : ceiling,
        blackoutMonths: input.blackoutMonths,
        preferredContactId: input.preferredContactId,
      })
      .where(eq(organizations.id, org.id))
      .returning();
    await audit(tx, actor, "update_preferences", "organization", org.id, {
      fields: Object.keys(input).filter((k) => input[k as keyof UpdateEmployerPreferences] !== undefined),
      ...input,
    });
    return updated!;
  });
  return toPreferences(ctx.db, row);
}
