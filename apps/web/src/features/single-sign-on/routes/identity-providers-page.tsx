import type { IdentityProvider } from "@bridgework/domain";
import { Badge, Button, Code, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useIdentityProviders } from "../api/identity-providers.ts";
import { ProviderForm } from "../components/provider-form.tsx";

/** One provider: what staff see on the button, who it is for, and what to register with the provider. */
function ProviderCard({ provider, onEdit }: { provider: IdentityProvider; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {provider.name}
          </Title>
          <Badge color={provider.enabled ? "green" : "gray"} variant="light">
            {provider.enabled ? t("signIn.page.enabled") : t("signIn.page.disabled")}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {provider.issuer}
        </Text>
        <Text size="sm">
          {provider.organizationName
            ? t("signIn.page.scopeOrganization", { name: provider.organizationName })
            : t("signIn.page.scopeRegion")}
        </Text>
        <Text size="sm">{t("signIn.page.domains", { domains: provider.allowedDomains.join(", ") })}</Text>
        <Text size="sm">
          {provider.createAccounts && provider.accountOrganizationName
            ? t("signIn.page.createsAccounts", { name: provider.accountOrganizationName })
            : t("signIn.page.existingOnly")}
        </Text>
        <Text size="sm">{provider.clientSecretSet ? t("signIn.page.secretSet") : t("signIn.page.secretNotSet")}</Text>
        <Text size="sm">
          {t("signIn.page.redirectUri")}:{" "}
          <Code style={{ overflowWrap: "anywhere", whiteSpace: "normal" }}>{provider.redirectUri}</Code>
        </Text>
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={onEdit}
            aria-label={t("signIn.page.editLabel", { name: provider.name })}
          >
            {t("signIn.page.edit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Identity providers (intermediaries): staff sign in with their district's Google or Microsoft accounts. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  const [editing, setEditing] = useState<IdentityProvider | "new" | null>(null);
  const title =
    editing === "new" ? t("signIn.form.addTitle") : editing ? t("signIn.form.editTitle", { name: editing.name }) : "";
  return (
    <>
      <PageHeader
        title={t("signIn.page.title")}
        intro={t("signIn.page.intro")}
        actions={<Button onClick={() => setEditing("new")}>{t("signIn.page.add")}</Button>}
      />
      {providers.isPending ? (
        <PageLoader />
      ) : providers.isError ? (
        <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
      ) : providers.data.length === 0 ? (
        <Text c="dimmed">{t("signIn.page.empty")}</Text>
      ) : (
        <Stack gap="lg" maw={720}>
          {providers.data.map((provider) => (
            <ProviderCard key={provider.id} provider={provider} onEdit={() => setEditing(provider)} />
          ))}
        </Stack>
      )}
      <Modal
        closeButtonProps={{ "aria-label": t("placements.common.close") }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={title}
        size="lg"
      >
        {editing !== null ? (
          <ProviderForm provider={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
    </>
  );
}
