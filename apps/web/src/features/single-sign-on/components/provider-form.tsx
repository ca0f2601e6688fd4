import type { IdentityProvider } from "@bridgework/domain";
import { Button, Checkbox, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PasswordField } from "../../../components/ui/password-field.tsx";
import { ApiError } from "../../../lib/api-client.ts";
import { useOrganizationChoices, useSaveIdentityProvider } from "../api/identity-providers.ts";

const splitDomains = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

/** Adds or edits a provider. The secret is write-only: empty keeps the saved one. */
export function ProviderForm({ provider, onDone }: { provider: IdentityProvider | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveIdentityProvider(provider?.id ?? null);
  const districts = useOrganizationChoices("district");
  const schools = useOrganizationChoices("school");
  const [name, setName] = useState(provider?.name ?? "");
  const [issuer, setIssuer] = useState(provider?.issuer ?? "");
  const [clientId, setClientId] = useState(provider?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState(provider?.allowedDomains.join("\n") ?? "");
  const [organizationId, setOrganizationId] = useState<string | null>(provider?.organizationId ?? null);
  const [createAccounts, setCreateAccounts] = useState(provider?.createAccounts ?? false);
  const [accountOrganizationId, setAccountOrganizationId] = useState<string | null>(
    provider?.accountOrganizationId ?? null,
  );
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  const fieldError = (path: string) =>
    save.error instanceof ApiError
      ? save.error.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message
      : undefined;

  return (
    <form
      aria-label={provider ? t("signIn.form.editTitle", { name: provider.name }) : t("signIn.form.addTitle")}
      onSubmit={(event) => {
        event.preventDefault();
        const body = {
          name,
          issuer,
          clientId,
          allowedDomains: splitDomains(domains),
          organizationId,
          createAccounts,
          accountOrganizationId: createAccounts ? accountOrganizationId : null,
          enabled,
          ...(clientSecret ? { clientSecret } : {}),
        };
        save.mutate(body, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <TextInput
          label={t("signIn.form.name")}
          description={t("signIn.form.nameHint")}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError("name")}
        />
        <TextInput
          label={t("signIn.form.issuer")}
          description={t("signIn.form.issuerHint")}
          required
          type="url"
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          error={fieldError("issuer")}
        />
        <TextInput
          label={t("signIn.form.clientId")}
          required
          value={clientId}
          onChange={(e) => setClientId(e.currentTarget.value)}
          error={fieldError("clientId")}
        />
        <PasswordField
          label={t("signIn.form.clientSecret")}
          description={provider?.clientSecretSet ? t("signIn.form.clientSecretKeep") : t("signIn.form.clientSecretNew")}
          autoComplete="off"
          value={clientSecret}
          onChange={(e) => setClientSecret(e.currentTarget.value)}
          error={fieldError("clientSecret")}
        />
        <Textarea
          label={t("signIn.form.domains")}
          description={t("signIn.form.domainsHint")}
          required
          autosize
          minRows={2}
          value={domains}
          onChange={(e) => setDomains(e.currentTarget.value)}
          error={fieldError("allowedDomains")}
        />
        <Select
          label={t("signIn.form.scope")}
          data={[{ value: "", label: t("signIn.form.wholeRegion") }, ...(districts.data ?? [])]}
          value={organizationId ?? ""}
          onChange={(value) => setOrganizationId(value || null)}
          allowDeselect={false}
          error={fieldError("organizationId")}
        />
        <Checkbox
          label={t("signIn.form.createAccounts")}
          description={t("signIn.form.createAccountsHint")}
          checked={createAccounts}
          onChange={(e) => setCreateAccounts(e.currentTarget.checked)}
        />
        {createAccounts ? (
          <Select
            label={t("signIn.form.accountOrganization")}
            data={schools.data ?? []}
            value={accountOrganizationId}
            onChange={setAccountOrganizationId}
            searchable
            required
            error={fieldError("accountOrganizationId")}
          />
        ) : null}
        <Checkbox
          label={t("signIn.form.enabled")}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("signIn.form.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("signIn.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
