import { Alert, Button, Radio, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { formatDate } from "../../../lib/format.ts";
import { type PendingHours, useDecideHours, usePendingHours } from "../api/supervisor-links.ts";
import { isDeadLink, LinkExpired } from "../components/link-expired.tsx";

type HoursEntry = PendingHours["entries"][number];

const route = getRouteApi("/hours/$token");

/** The worksite supervisor approves or rejects each pending hours entry, then sends once. */
export function HoursPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useParams();
  const hours = usePendingHours(token);
  const decide = useDecideHours(token);
  const [choices, setChoices] = useState<Record<string, "approve" | "reject">>({});
  const [missing, setMissing] = useState(false);
  usePageTitle(t("placements.hoursLink.title"));
  const day = (iso: string) => formatDate(iso, i18n.language);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const entries = hours.data?.entries ?? [];
    if (entries.some((e) => !choices[e.id])) return setMissing(true);
    setMissing(false);
    decide.mutate(entries.map((e) => ({ id: e.id, approve: choices[e.id] === "approve" })));
  };

  let body: React.ReactNode;
  if (decide.isSuccess) {
    body = (
      <Alert color="green" variant="light" role="status" title={t("placements.hoursLink.doneTitle")}>
        {t("placements.hoursLink.doneBody", decide.data)}
      </Alert>
    );
  } else if (isDeadLink(hours.error) || isDeadLink(decide.error)) {
    body = <LinkExpired />;
  } else if (hours.isPending) {
    body = <PageLoader />;
  } else if (hours.isError) {
    body = <ErrorAlert error={hours.error} onRetry={() => void hours.refetch()} />;
  } else {
    const { placement, entries } = hours.data;
    const columns: DataTableColumn<HoursEntry>[] = [
      {
        id: "date",
        header: t("placements.hoursLink.date"),
        rowHeader: true,
        fw: 400,
        sortValue: (e) => e.date,
        cell: (e) => day(e.date),
      },
      { id: "hours", header: t("placements.hoursLink.hours"), sortValue: (e) => e.hours, cell: (e) => e.hours },
      { id: "note", header: t("placements.hoursLink.note"), cell: (e) => e.note ?? "—" },
      {
        id: "decision",
        header: t("placements.hoursLink.decision"),
        cell: (e) => (
          <Radio.Group
            value={choices[e.id] ?? null}
            onChange={(value) => setChoices((c) => ({ ...c, [e.id]: value as "approve" | "reject" }))}
            aria-label={`${t("placements.hoursLink.decision")}: ${day(e.date)}, ${e.hours}`}
          >
            <Stack gap={4}>
              <Radio value="approve" label={t("placements.hoursLink.approve")} />
              <Radio value="reject" label={t("placements.hoursLink.reject")} />
            </Stack>
          </Radio.Group>
        ),
      },
    ];
    body = (
      <Stack gap="md">
        <Text>
          {t("placements.hoursLink.intro", {
            student: placement.studentName,
            employer: placement.employerName,
            opportunity: placement.opportunityTitle,
          })}
        </Text>
        {entries.length === 0 ? (
          <Text c="dimmed">{t("placements.hoursLink.nothing")}</Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {decide.isError ? <ErrorAlert error={decide.error} /> : null}
              {missing ? (
                <Alert color="red" variant="light" role="alert">
                  {t("placements.hoursLink.undecided")}
                </Alert>
              ) : null}
              <DataTable
                caption={t("placements.hoursLink.caption")}
                columns={columns}
                data={entries}
                rowKey={(e) => e.id}
                empty={t("placements.hoursLink.nothing")}
                striped={false}
                highlightOnHover={false}
                minWidth={360}
              />
              <Button type="submit" loading={decide.isPending}>
                {t("placements.hoursLink.submit")}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    );
  }

  return (
    <PublicPage label={t("placements.hoursLink.title")}>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t("placements.hoursLink.title")}
        </Title>
        {body}
      </Stack>
    </PublicPage>
  );
}
