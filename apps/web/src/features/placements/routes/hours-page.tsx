import { Alert, Button, Radio, Stack, Table, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { useDecideHours, usePendingHours } from "../api/supervisor-links.ts";
import { isDeadLink, LinkExpired } from "../components/link-expired.tsx";

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
  const day = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

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
    body = (
      <Stack gap="md">
        <Text>{t("placements.hoursLink.intro", { student: placement.studentName, employer: placement.employerName, opportunity: placement.opportunityTitle })}</Text>
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
              <Table.ScrollContainer minWidth={360}>
                <Table className="data-table" verticalSpacing="sm">
                  <Table.Caption>{t("placements.hoursLink.caption")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("placements.hoursLink.date")}</Table.Th>
                      <Table.Th scope="col">{t("placements.hoursLink.hours")}</Table.Th>
                      <Table.Th scope="col">{t("placements.hoursLink.note")}</Table.Th>
                      <Table.Th scope="col">{t("placements.hoursLink.decision")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Th scope="row">{day(e.date)}</Table.Th>
                        <Table.Td>{e.hours}</Table.Td>
                        <Table.Td>{e.note ?? "—"}</Table.Td>
                        <Table.Td>
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
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
