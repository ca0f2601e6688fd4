import { type DbOrTx, identityProviders, organizations } from "@bridgework/db";
import {
  type CreateIdentityProvider,
  NotFound,
  type PersonActor,
  requireRole,
  RuleViolation,
  say,
  type UpdateIdentityProvider,
} from "@bridgework/domain";
import { and, asc, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { encryptClientSecret } from "./client-secret.ts";
import { toIdentityProvider, toIdentityProviders, visibleProvider } from "./provider.queries.ts";

/** The organization by id in the actor's region, or 404 like a missing one. */
async function regionOrganization(db: DbOrTx, actor: PersonActor, id: string) {
  const [org] = await db
    .select({ id: organizations.id, type: organizations.type, parentId: organizations.parentId })
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.regionId, actor.regionId)));
  if (!org) throw new NotFound("organization");
  return org;
}

/**
 * Checks the provider's organizations. Accounts created on first sign-in get the least-privileged
 * staff role of where they go: a school's teacher or an employer's staff, never a coordinator or an
 * intermediary; with a provider for one organization, they go to it or to one of its schools.
 */
async function checkOrganizations(db: DbOrTx, actor: PersonActor, scope: string | null, accountOrg: string | null) {
  if (scope) await regionOrganization(db, actor, scope);
  if (!accountOrg) return;
  const org = await regionOrganization(db, actor, accountOrg);
  const underScope = !scope || org.id === scope || org.parentId === scope;
  if ((org.type !== "school" && org.type !== "employer") || !underScope) {
    throw new RuleViolation("rule-violation", say("sign-in-account-organization"), {}, [
      { path: "accountOrganizationId", text: say("sign-in-account-organization") },
    ]);
  }
}

/** Production talks to providers over TLS only; development and tests may run one on http://127.0.0.1. */
function checkIssuer(ctx: Ctx, issuer: string | undefined) {
  if (issuer !== undefined && ctx.config.production && !issuer.startsWith("https://")) {
    throw new RuleViolation("rule-violation", say("sign-in-issuer-https"), {}, [
      { path: "issuer", text: say("sign-in-issuer-https") },
    ]);
  }
}

const withoutTrailingSlash = (issuer: string) => issuer.replace(/\/+$/, "");

export async function listIdentityProviders({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["intermediary"]);
  const rows = await ctx.db
    .select()
    .from(identityProviders)
    .where(eq(identityProviders.regionId, ctx.actor.regionId))
    .orderBy(asc(identityProviders.name));
  return toIdentityProviders(ctx.db, rows, ctx.config.publicUrl);
}

export async function getIdentityProvider({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["intermediary"]);
  return toIdentityProvider(ctx.db, await visibleProvider(ctx.db, ctx.actor, id), ctx.config.publicUrl);
}

/** Adds a provider to the actor's region. Side effect: an audit row (without the secret). */
export async function createIdentityProvider({ ctx, input }: { ctx: Ctx; input: CreateIdentityProvider }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  checkIssuer(ctx, input.issuer);
  await checkOrganizations(ctx.db, actor, input.organizationId, input.accountOrganizationId);
  const { clientSecret, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(identityProviders)
      .values({
        ...fields,
        issuer: withoutTrailingSlash(fields.issuer),
        allowedDomains: [...new Set(fields.allowedDomains)],
        regionId: actor.regionId,
        clientSecretEncrypted: clientSecret ? encryptClientSecret(ctx.config.jwtSecret, clientSecret) : null,
      })
      .returning();
    await audit(tx, actor, "create", "identity_provider", row!.id, {
      ...fields,
      clientSecret: clientSecret ? "set" : "not set",
    });
    return toIdentityProvider(tx, row!, ctx.config.publicUrl);
  });
}

/** Changes a provider of the actor's region (disable: `enabled: false`). Side effect: an audit row of what changed. */
export async function updateIdentityProvider({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: UpdateIdentityProvider;
}) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const before = await visibleProvider(ctx.db, actor, id);
  checkIssuer(ctx, input.issuer);
  const { clientSecret, ...fields } = input;
  const next = { ...before, ...fields };
  if (next.createAccounts && !next.accountOrganizationId) {
    throw new RuleViolation("rule-violation", say("sign-in-account-organization"), {}, [
      { path: "accountOrganizationId", text: say("sign-in-account-organization") },
    ]);
  }
  await checkOrganizations(ctx.db, actor, next.organizationId, next.accountOrganizationId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(identityProviders)
      .set({
        ...fields,
        ...(fields.issuer ? { issuer: withoutTrailingSlash(fields.issuer) } : {}),
        ...(fields.allowedDomains ? { allowedDomains: [...new Set(fields.allowedDomains)] } : {}),
        ...(clientSecret !== undefined
          ? {
              clientSecretEncrypted:
                clientSecret === null ? null : encryptClientSecret(ctx.config.jwtSecret, clientSecret),
            }
          : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(identityProviders.id, before.id))
      .returning();
    const changed = Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [key, { from: before[key as keyof typeof fields], to: value }]),
    );
    await audit(tx, actor, "update", "identity_provider", before.id, {
      ...changed,
      ...(clientSecret !== undefined ? { clientSecret: clientSecret === null ? "removed" : "replaced" } : {}),
    });
    return toIdentityProvider(tx, row!, ctx.config.publicUrl);
  });
}
