import { type GrowListItem, growReason } from "@bridgework/domain";
import { Alert, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";
import { useGrowList, useSendGrowInvitation } from "../api/employer-growth.ts";

const language = (l: string) => (l.startsWith("es") ? "es" : "en");

/** `/employers/grow`: employers ready for a bigger ask, strongest first, with one-click invitations. */
export function GrowPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const grow = useGrowList();
  const send = useSendGrowInvitation();
  const [sent, setSent] = useState<Record<string, string>>({});
  const lang = language(i18n.language);

  const blockedBy = (i: GrowListItem) =>
    i.asks.blackoutNow
      ? t("relationship.grow.blockedBlackout")
      : i.asks.capReached
        ? t("relationship.grow.blockedCap", { asks: i.asks.asksThisMonth, cap: i.asks.askCapPerMonth })
        : null;
  const key = (i: GrowListItem) => `${i.employerId}:${i.rule}`;

  const columns: DataTableColumn<GrowListItem>[] = [
    {
      id: "employer",
      header: t("relationship.grow.employer"),
      rowHeader: true,
      sortValue: (i) => i.employerName,
      cell: (i) => (
        <AnchorLink to="/employers/$employerId" params={{ employerId: i.employerId }}>
          {i.employerName}
        </AnchorLink>
      ),
    },
    {
      id: "next",
      header: t("relationship.grow.nextStep"),
      sortValue: (i) => labels.kind(i.kind),
      cell: (i) => labels.kind(i.kind),
    },
    { id: "reason", header: t("relationship.grow.reason"), cell: (i) => growReason(i, lang) },
    {
      id: "asks",
      header: t("relationship.grow.asks"),
      sortValue: (i) => i.asks.asksThisMonth,
      cell: (i) =>
        i.asks.askCapPerMonth === null
          ? t("relationship.asksNoCap", { asks: i.asks.asksThisMonth })
          : t("relationship.asksOfCap", { asks: i.asks.asksThisMonth, cap: i.asks.askCapPerMonth }),
    },
    {
      id: "action",
      header: t("relationship.grow.action"),
      headerHidden: true,
      cell: (i) => {
        const blocked = blockedBy(i);
        const reasonId = `grow-blocked-${i.employerId}-${i.rule}`;
        const invitedOn = i.invitedAt ? formatDate(i.invitedAt, i18n.language) : sent[key(i)];
        if (invitedOn) {
          return (
            <Text size="sm" fw={600} c="teal.9">
              {t("relationship.grow.invited", { date: invitedOn })}
            </Text>
          );
        }
        return (
          <Stack gap={4}>
            <Button
              size="xs"
              disabled={blocked !== null || send.isPending}
              aria-describedby={blocked ? reasonId : undefined}
              aria-label={t("relationship.grow.sendLabel", { employer: i.employerName })}
              onClick={() =>
                send.mutate(
                  { employerId: i.employerId, input: { kind: i.kind, rule: i.rule } },
                  {
                    onSuccess: (invitation) =>
                      setSent((s) => ({ ...s, [key(i)]: formatDate(invitation.sentAt, i18n.language) })),
                  },
                )
              }
            >
              {t("relationship.grow.send")}
            </Button>
            {blocked ? (
              <Text id={reasonId} size="xs" c="dimmed">
                {blocked}
              </Text>
            ) : null}
          </Stack>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t("relationship.grow.title")} intro={t("relationship.grow.intro")} />
      {send.error ? <ErrorAlert error={send.error} /> : null}
      {Object.keys(sent).length > 0 ? (
        <Alert color="teal" mb="md" role="status">
          {t("relationship.grow.sentNotice")}
        </Alert>
      ) : null}
      {grow.error ? (
        <ErrorAlert error={grow.error} onRetry={() => void grow.refetch()} />
      ) : (
        <DataTable
          caption={t("relationship.grow.caption")}
          columns={columns}
          data={grow.data?.items}
          rowKey={key}
          empty={t("relationship.grow.empty")}
          minWidth={760}
        />
      )}
    </>
  );
}
