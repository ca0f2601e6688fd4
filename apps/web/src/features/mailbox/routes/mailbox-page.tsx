import { Button, Group, Paper, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useMailbox } from "../api/get-mailbox.ts";
import { EmailItem } from "../components/email-item.tsx";

export function MailboxPage() {
  const { t } = useTranslation();
  const [to, setTo] = useState("");
  const [debouncedTo] = useDebouncedValue(to.trim().toLowerCase(), 300);
  const mailbox = useMailbox(debouncedTo || undefined);
  const missing = mailbox.error instanceof ApiError && mailbox.error.status === 404;

  return (
    <>
      <PageHeader title={t("mailbox.title")} intro={t("mailbox.intro")} />
      <Paper withBorder radius="md" p="md" maw={960}>
        <Group align="flex-end" justify="space-between" mb="md">
          <TextInput
            label={t("mailbox.filter")}
            type="email"
            placeholder={t("mailbox.filterPlaceholder")}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            w={300}
          />
          <Button
            variant="default"
            onClick={() => void mailbox.refetch()}
            loading={mailbox.isFetching && !mailbox.isPending}
          >
            {t("mailbox.refresh")}
          </Button>
        </Group>
        {mailbox.isPending ? (
          <PageLoader />
        ) : missing ? (
          <Text>{t("mailbox.unavailable")}</Text>
        ) : mailbox.isError ? (
          <ErrorAlert error={mailbox.error} onRetry={() => void mailbox.refetch()} />
        ) : mailbox.data.length === 0 ? (
          <Text c="dimmed">{t("mailbox.empty")}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {t("mailbox.count", { count: mailbox.data.length })}
            </Text>
            <div>
              {mailbox.data.map((email) => (
                <EmailItem key={email.id} email={email} />
              ))}
            </div>
          </>
        )}
      </Paper>
    </>
  );
}
