import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

export interface TestAccount {
  email: string;
  name: string;
  emailVerified?: boolean;
}

export interface TestIdentityProvider {
  /** http://127.0.0.1:<port>: the issuer to configure in Bridgework. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (node-oidc-provider) on 127.0.0.1 for tests: one confidential
 * client whose only redirect URI is Bridgework's callback, PKCE (S256) required, and accounts
 * looked up by the login typed into the provider's own development login form (any password).
 * Consent is granted silently so the form is the only page a person sees.
 */
export async function startTestIdentityProvider(options: {
  redirectUri: string;
  accounts: TestAccount[];
}): Promise<TestIdentityProvider> {
  const accounts = new Map(options.accounts.map((a) => [a.email.toLowerCase(), a]));
  const clientId = "bridgework-test";
  const clientSecret = "bridgework-test-client-secret-0123456789";
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true, methods: ["S256"] },
    features: { devInteractions: { enabled: true } },
    // Like Google and Entra ID: the email claims in the ID token itself.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-identity-provider-cookie-key"] },
    async findAccount(_ctx, id) {
      const account = accounts.get(id.toLowerCase());
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: account.email,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name,
        }),
      };
    },
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // The development interactions warn on every start; the test output stays readable without them.
  provider.on("server_error", (_ctx, error) => console.error("test identity provider:", error));
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
