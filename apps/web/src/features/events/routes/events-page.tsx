import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useEvents } from "../api/events-api.ts";
import { STATUS_COLOR } from "../lib/status-color.ts";

/** Events the person runs or takes part in; coordinators and the intermediary start new ones here. */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const runs = me.role === "coordinator" || me.role === "intermediary";
  const [page, setPage] = useState(1);
  const list = useEvents(page);
  return (
    <>
      <PageHeader
        title={t("eventsAdmin.list.title")}
        intro={t(runs ? "eventsAdmin.list.intro" : "eventsAdmin.list.readOnlyIntro")}
      />
      <Stack gap="md">
        {runs ? (
          <Group>
            <Button component={Link} to="/events/new">
              {t("eventsAdmin.list.new")}
            </Button>
          </Group>
        ) : null}
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Text c="dimmed">{t("eventsAdmin.list.empty")}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption>{t("eventsAdmin.list.caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("eventsAdmin.list.columns.title")}</Table.Th>
                    <Table.Th scope="col">{t("eventsAdmin.list.columns.kind")}</Table.Th>
                    <Table.Th scope="col">{t("eventsAdmin.list.columns.when")}</Table.Th>
                    <Table.Th scope="col">{t("eventsAdmin.list.columns.status")}</Table.Th>
                    <Table.Th scope="col">{t("eventsAdmin.list.columns.volunteers")}</Table.Th>
                    <Table.Th scope="col">{t("eventsAdmin.list.columns.students")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>
                        <AnchorLink to="/events/$eventId" params={{ eventId: e.id }}>
                          {e.title}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{t(`events.kinds.${e.kind}`)}</Table.Td>
                      <Table.Td>{formatDateTime(e.startsAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[e.status]} variant="light">
                          {t(`events.statuses.${e.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{t("eventsAdmin.list.filled", { filled: e.filled, needed: e.needed })}</Table.Td>
                      <Table.Td>{e.studentCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
    </>
  );
}
