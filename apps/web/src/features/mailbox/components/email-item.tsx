import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MailboxEmail } from "../api/get-mailbox.ts";
import { LinkifiedText } from "./linkified-text.tsx";
import { formatDateTime } from "../../../lib/format.ts";

/** A native <details>: expands with Enter or Space and is announced as expandable. */
export function EmailItem({ email }: { email: MailboxEmail }) {
  const { t, i18n } = useTranslation();
  const sent = new Date(email.createdAt);
  return (
    <details className="mail-item">
      <summary>
        <Text component="span" fw={600}>
          {email.subject}
        </Text>
        <Group component="span" gap="lg" mt={2} ml="lg" style={{ display: "flex" }}>
          <Text component="span" size="sm" c="dimmed">
            {t("mailbox.to")}: {email.to}
          </Text>
          <Text component="time" size="sm" c="dimmed" dateTime={email.createdAt}>
            {t("mailbox.sent")}: {formatDateTime(sent.toISOString(), i18n.language)}
          </Text>
        </Group>
      </summary>
      <p className="mail-body">
        <LinkifiedText text={email.text} />
      </p>
      {email.attachments.length > 0 ? (
        <Text size="sm" px="md" pb="md">
          {t("mailbox.attachments")}: {email.attachments.map((a) => a.filename).join(", ")}
        </Text>
      ) : null}
    </details>
  );
}
