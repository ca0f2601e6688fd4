import { type DbOrTx, identityProviders, organizations } from "@bridgework/db";
import { type IdentityProvider, NotFound, type PersonActor } from "@bridgework/domain";
import { and, eq, inArray } from "drizzle-orm";

export type ProviderRow = typeof identityProviders.$inferSelect;

/** Where the provider sends people back: to register with it as the redirect URI. */
export const callbackUrl = (publicUrl: string) => `${publicUrl}/api/sign-in/callback`;

/** The provider by id when it belongs to the actor's region; another region's is as missing as none. */
export async function visibleProvider(db: DbOrTx, actor: PersonActor, id: string): Promise<ProviderRow> {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, id), eq(identityProviders.regionId, actor.regionId)));
  if (!row) throw new NotFound("resource");
  return row;
}

/** Rows as the intermediary reads them, with the organizations' names; never the secret. */
export async function toIdentityProviders(
  db: DbOrTx,
  rows: ProviderRow[],
  publicUrl: string,
): Promise<IdentityProvider[]> {
  const orgIds = [
    ...new Set(rows.flatMap((r) => [r.organizationId, r.accountOrganizationId]).filter((v): v is string => v !== null)),
  ];
  const names = new Map(
    orgIds.length === 0
      ? []
      : (
          await db
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(inArray(organizations.id, orgIds))
        ).map((o) => [o.id, o.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecretEncrypted !== null,
    allowedDomains: row.allowedDomains,
    createAccounts: row.createAccounts,
    accountOrganizationId: row.accountOrganizationId,
    accountOrganizationName: row.accountOrganizationId ? (names.get(row.accountOrganizationId) ?? null) : null,
    organizationId: row.organizationId,
    organizationName: row.organizationId ? (names.get(row.organizationId) ?? null) : null,
    enabled: row.enabled,
    redirectUri: callbackUrl(publicUrl),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function toIdentityProvider(db: DbOrTx, row: ProviderRow, publicUrl: string): Promise<IdentityProvider> {
  const [one] = await toIdentityProviders(db, [row], publicUrl);
  return one!;
}
