import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.ts";
import { organizations, regions } from "./identity.ts";

/**
 * District sign-in (OpenID Connect): an identity provider a region's intermediary configured, for
 * the whole region (`organizationId` null) or for one organization and the schools under it.
 * The client secret is stored encrypted (AES-256-GCM, key derived from JWT_SECRET) and never
 * leaves the API again.
 */
export const identityProviders = pgTable(
  "identity_providers",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    /** Whose staff may sign in with it: an organization (and its schools), or null for the region. */
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    /** What the login page's button says: "Sign in with Valley Unified". */
    name: text().notNull(),
    issuer: text().notNull(),
    clientId: text().notNull(),
    /** `v1.<iv>.<tag>.<ciphertext>` (base64url); null for a public client (PKCE only). */
    clientSecretEncrypted: text(),
    /** Lower-cased domains ("valleyusd.org"); a verified email outside them is refused. */
    allowedDomains: text().array().notNull(),
    /** Off: only people who already have an account (active or invited) may sign in. */
    createAccounts: boolean().notNull().default(false),
    /** Where accounts created on first sign-in go: a school (as teachers) or an employer. */
    accountOrganizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    enabled: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId),
    index().on(t.organizationId),
    index().on(t.accountOrganizationId),
    check(
      "identity_provider_accounts_need_organization",
      sql`NOT ${t.createAccounts} OR ${t.accountOrganizationId} IS NOT NULL`,
    ),
  ],
);

/**
 * Sign-ins under way: one row per click on "Sign in with …", used once by the provider's answer
 * within 10 minutes. Kept in PostgreSQL so any API instance can finish what another started. Only
 * hashes of the `state` and of the browser's binding cookie are stored; the PKCE verifier and the
 * nonce are worthless without the code, which only the browser holds.
 */
export const signInRequests = pgTable(
  "sign_in_requests",
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    stateHash: text().notNull().unique(),
    /** SHA-256 of the httpOnly cookie set on the browser that started: a callback from another browser is refused. */
    browserHash: text().notNull(),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    /** Starts are limited per address. */
    ip: text().notNull(),
    createdAt: createdAt(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.ip, t.createdAt), index().on(t.createdAt), index().on(t.providerId)],
);
