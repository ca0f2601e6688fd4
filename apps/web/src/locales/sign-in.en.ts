/** English text of district sign-in (OpenID Connect): the login page's buttons and refusals, and the identity providers page; es has the same keys. */
export const signInEn = {
  login: {
    or: "or",
    with: "Sign in with {{name}}",
    refused: {
      title: "Sign-in refused",
      state: "This sign-in link was already used, has expired or was changed. Start again from this page.",
      provider:
        "Your organization's sign-in service did not answer as expected. Try again, or log in with your password.",
      "email-unverified":
        "Your organization's sign-in did not confirm your email address. Ask your IT office, or log in with your password.",
      domain:
        "Your email address is not one this sign-in accepts. Use your work account, or log in with your password.",
      "no-account":
        "There is no Bridgework account for this email. Ask your coordinator or intermediary to invite you.",
      busy: "Too many sign-ins were started from here. Wait a few minutes and try again.",
    },
  },
  page: {
    title: "Identity providers",
    intro:
      "Let staff sign in with the accounts they already have (Google Workspace, Microsoft Entra ID or any OpenID Connect provider).",
    add: "Add identity provider",
    empty: "No identity provider yet. Staff log in with their passwords.",
    redirectUri: "Redirect URI to register with the provider",
    domains: "Domains: {{domains}}",
    scopeRegion: "For the whole region",
    scopeOrganization: "For {{name}}",
    createsAccounts: "Creates accounts in {{name}}",
    existingOnly: "Existing and invited accounts only",
    enabled: "Enabled",
    disabled: "Disabled",
    secretSet: "Client secret: set",
    secretNotSet: "Client secret: not set",
    edit: "Edit",
    editLabel: "Edit {{name}}",
  },
  form: {
    addTitle: "Add identity provider",
    editTitle: "Edit {{name}}",
    name: "Name on the sign-in button",
    nameHint: "For example “Valley Unified”: staff see “Sign in with Valley Unified”.",
    issuer: "Issuer URL",
    issuerHint: "Google: https://accounts.google.com · Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0",
    clientId: "Client ID",
    clientSecret: "Client secret",
    clientSecretKeep: "A secret is saved; leave empty to keep it.",
    clientSecretNew: "Stored encrypted and never shown again.",
    domains: "Allowed email domains",
    domainsHint: "One per line or separated by commas, such as valleyusd.org.",
    scope: "Who signs in with it",
    wholeRegion: "The whole region",
    createAccounts: "Create accounts on first sign-in",
    createAccountsHint: "Off: only people who already have an account or an invitation may sign in.",
    accountOrganization: "School for new accounts (as teachers)",
    enabled: "Enabled",
    save: "Save",
    cancel: "Cancel",
    saved: "Saved.",
  },
};
