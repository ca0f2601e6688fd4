import { z } from "zod";

/** "valleyusd.org": lower-cased, letters, digits, hyphens and dots, at least one dot. */
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/,
    "Enter a domain such as valleyusd.org",
  );

const ProviderFields = {
  /** What the login page's button says: "Sign in with Valley Unified". */
  name: z.string().trim().min(1).max(120),
  /** The provider's issuer, e.g. https://accounts.google.com or https://login.microsoftonline.com/<tenant>/v2.0. */
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(300),
  /** Email domains whose verified addresses may sign in. */
  allowedDomains: z.array(Domain).min(1).max(50),
  /** Create an account on first sign-in for someone who has none (off: invited or existing staff only). */
  createAccounts: z.boolean(),
  /** Where created accounts go: a school (teachers) or an employer; required when `createAccounts`. */
  accountOrganizationId: z.uuid().nullable(),
  /** Whose staff this provider is for; null = the whole region. */
  organizationId: z.uuid().nullable(),
  enabled: z.boolean(),
};

/** An identity provider as the intermediary sees it: the client secret only as set or not. */
export const IdentityProvider = z.object({
  id: z.uuid(),
  ...ProviderFields,
  clientSecretSet: z.boolean(),
  organizationName: z.string().nullable(),
  accountOrganizationName: z.string().nullable(),
  /** The address to register with the provider as the redirect URI. */
  redirectUri: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;

const needsOrganization = (v: { createAccounts?: boolean; accountOrganizationId?: string | null }) =>
  !v.createAccounts || Boolean(v.accountOrganizationId);
const ORGANIZATION_NEEDED = { message: "Choose where new accounts go", path: ["accountOrganizationId"] };

export const CreateIdentityProvider = z
  .object({
    ...ProviderFields,
    createAccounts: ProviderFields.createAccounts.default(false),
    accountOrganizationId: ProviderFields.accountOrganizationId.default(null),
    organizationId: ProviderFields.organizationId.default(null),
    enabled: ProviderFields.enabled.default(true),
    /** Absent for a public client (PKCE alone). */
    clientSecret: z.string().trim().min(1).max(1000).optional(),
  })
  .refine(needsOrganization, ORGANIZATION_NEEDED);
export type CreateIdentityProvider = z.infer<typeof CreateIdentityProvider>;

/** A field left out stays; `clientSecret` replaces the stored one, null removes it. */
export const UpdateIdentityProvider = z
  .object({ ...ProviderFields, clientSecret: z.string().trim().min(1).max(1000).nullable() })
  .partial();
export type UpdateIdentityProvider = z.infer<typeof UpdateIdentityProvider>;

/** What the login page may know of a provider: its button. */
export const SignInProvider = z.object({ id: z.uuid(), name: z.string() });
export type SignInProvider = z.infer<typeof SignInProvider>;

export const SignInProvidersQuery = z.object({ email: z.string().max(320).optional() });

/** Why a sign-in was refused: the login page words each one. */
export const SIGN_IN_ERRORS = ["state", "provider", "email-unverified", "domain", "no-account", "busy"] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];
