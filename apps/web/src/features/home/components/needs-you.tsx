import { WAITING_KINDS, type Waiting, type WaitingItem, type WaitingKind } from "@bridgework/domain";
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useWaiting, WAITING_COUNT } from "../../../hooks/use-waiting.ts";
import { formatDate } from "../../../lib/format.ts";

const PAGE: Record<WaitingKind, "/approvals" | "/asks" | "/placements" | "/insurance"> = {
  approval: "/approvals",
  ask: "/asks",
  unsignedPastDue: "/placements",
  hoursToApprove: "/placements",
  certificateExpiring: "/insurance",
};

const DATE_WORD: Record<WaitingKind, "since" | "due" | "hoursSince" | "expires"> = {
  approval: "since",
  ask: "since",
  unsignedPastDue: "due",
  hoursToApprove: "hoursSince",
  certificateExpiring: "expires",
};

/** The home page's "Needs you": each kind of work waiting, with its count, the oldest items and a link to where it is done. */
export function NeedsYou() {
  const { t } = useTranslation();
  const waiting = useWaiting();
  return (
    <section aria-labelledby="needs-you-heading">
      <Title order={2} size="h4" id="needs-you-heading">
        {t("waiting.needsYou")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("waiting.needsYouIntro")}
      </Text>
      {waiting.isPending ? (
        <Text c="dimmed">{t("waiting.loading")}</Text>
      ) : waiting.isError ? (
        <ErrorAlert error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : (
        <Groups waiting={waiting.data} />
      )}
    </section>
  );
}

function Groups({ waiting }: { waiting: Waiting }) {
  const { t } = useTranslation();
  const kinds = WAITING_KINDS.filter((kind) => waiting[WAITING_COUNT[kind]] > 0);
  if (kinds.length === 0) return <Text>{t("waiting.nothing")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {kinds.map((kind) => (
        <li key={kind}>
          <KindCard
            kind={kind}
            count={waiting[WAITING_COUNT[kind]]}
            items={waiting.items.filter((i) => i.kind === kind)}
          />
        </li>
      ))}
    </SimpleGrid>
  );
}

function KindCard({ kind, count, items }: { kind: WaitingKind; count: number; items: WaitingItem[] }) {
  const { t, i18n } = useTranslation();
  const headingId = `needs-you-${kind}`;
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Title order={3} size="h5" id={headingId}>
          {t(`waiting.kinds.${kind}`)}
        </Title>
        <Badge color="orange.9" variant="filled" radius="xl" size="lg" data-testid={`waiting-count-${kind}`}>
          {count}
        </Badge>
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`}>
            {item.kind === "approval" ? (
              <AnchorLink to="/matches/$matchId" params={{ matchId: item.id }} fw={600} size="sm">
                {item.title}
              </AnchorLink>
            ) : (
              <Text fw={600} size="sm">
                {item.title}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {[
                item.detail,
                item.date ? t(`waiting.${DATE_WORD[kind]}`, { date: formatDate(item.date, i18n.language) }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </li>
        ))}
      </Stack>
      {count > items.length ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t("waiting.more", { count: count - items.length })}
        </Text>
      ) : null}
      <Anchor component={Link} to={PAGE[kind]} size="sm" mt="sm" display="inline-block">
        {t(`waiting.open.${kind}`)}
      </Anchor>
    </Paper>
  );
}
