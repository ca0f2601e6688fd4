import * as oidc from "openid-client";
import type { Config } from "../../config.ts";
import { decryptClientSecret } from "./client-secret.ts";
import type { ProviderRow } from "./provider.queries.ts";

/** Seconds the provider has to answer discovery and the token request. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The provider's OpenID configuration (discovery), as a confidential client (client_secret_post)
 * when a secret is set and a public one (PKCE alone) otherwise. Plain http to the provider only
 * outside production (a test's provider on 127.0.0.1); production refuses such issuers on save.
 */
export async function providerConfiguration(
  row: ProviderRow,
  config: Pick<Config, "jwtSecret" | "production">,
): Promise<oidc.Configuration> {
  const secret = row.clientSecretEncrypted ? decryptClientSecret(config.jwtSecret, row.clientSecretEncrypted) : null;
  if (row.clientSecretEncrypted && secret === null)
    throw new Error("the provider's client secret cannot be read (was JWT_SECRET rotated?)");
  const insecure = !config.production && row.issuer.startsWith("http://");
  return oidc.discovery(
    new URL(row.issuer),
    row.clientId,
    undefined,
    secret ? oidc.ClientSecretPost(secret) : oidc.None(),
    {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    },
  );
}
