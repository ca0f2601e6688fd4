import type { TimelineEntry } from "@bridgework/domain";
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useRelationship } from "../api/employer-growth.ts";

const route = getRouteApi("/_app/employers/$employerId");

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Paper>
  );
}

/** `/employers/:id`: everything with one employer across the region, newest first. */
export function RelationshipPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const user = useCurrentUser();
  const { employerId } = route.useParams();
  const query = useRelationship(employerId);
  const r = query.data;

  const typeLabel = (e: TimelineEntry) =>
    e.type === "volunteered" ? t("eventCounting.timelineType") : t(`relationship.types.${e.type}`);
  const what = (e: TimelineEntry) => {
    const parts = [e.kind ? labels.kind(e.kind) : null, e.title].filter(Boolean);
    return parts.join(": ") || "—";
  };
  const detail = (e: TimelineEntry) => {
    switch (e.type) {
      case "feedback":
        return t("relationship.feedbackDetail", {
          rating: e.rating,
          again: e.hostAgain ? t("relationship.yes") : t("relationship.no"),
        });
      case "placement":
        return t("relationship.placementDetail", {
          status: e.status,
          range: `${formatDate(e.startDate, i18n.language)} – ${formatDate(e.endDate, i18n.language)}`,
          logged: e.hoursLogged ?? 0,
          approved: e.hoursApproved ?? 0,
        });
      case "grow_invitation":
        return t("relationship.invitationDetail");
      case "answer":
        return e.status === "declined" ? t("relationship.declined") : t("relationship.accepted");
      case "volunteered":
        return t("eventCounting.volunteered", {
          event: e.title,
          count: e.volunteers ?? 0,
          hours: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(e.volunteerHours ?? 0),
        });
      default:
        return e.status ? t(`relationship.statuses.${e.status}`, { defaultValue: e.status }) : "";
    }
  };

  const columns: DataTableColumn<TimelineEntry>[] = [
    {
      id: "at",
      header: t("relationship.when"),
      sortValue: (e) => e.at,
      cell: (e) => formatDateTime(e.at, i18n.language),
    },
    {
      id: "type",
      header: t("relationship.event"),
      rowHeader: true,
      sortValue: (e) => typeLabel(e),
      cell: typeLabel,
    },
    { id: "what", header: t("relationship.what"), cell: what },
    { id: "level", header: t("relationship.level"), cell: (e) => (e.level ? labels.level(e.level) : "—") },
    {
      id: "school",
      header: t("relationship.school"),
      cell: (e) => (e.school ? `${e.school} (${e.district ?? ""})` : "—"),
    },
    { id: "detail", header: t("relationship.detail"), cell: detail },
  ];

  return (
    <>
      <Text size="sm" mb="xs">
        <Anchor component={Link} to={user.role === "intermediary" ? "/employers/grow" : "/organizations"}>
          ← {user.role === "intermediary" ? t("relationship.backToGrow") : t("relationship.backToOrganizations")}
        </Anchor>
      </Text>
      <PageHeader
        title={r ? t("relationship.title", { employer: r.employer.name }) : t("relationship.titlePlain")}
        intro={r?.readOnly ? t("relationship.readOnly") : t("relationship.intro")}
      />
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {r ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Fact label={t("relationship.asksThisMonth")}>
              {r.asks.askCapPerMonth === null
                ? t("relationship.asksNoCap", { asks: r.asks.asksThisMonth })
                : t("relationship.asksOfCap", { asks: r.asks.asksThisMonth, cap: r.asks.askCapPerMonth })}
            </Fact>
            <Fact label={t("relationship.hostAgain")}>
              {r.hostAgain.rate === null
                ? t("relationship.noAnswers")
                : t("relationship.hostAgainRate", {
                    rate: Math.round(r.hostAgain.rate * 100),
                    yes: r.hostAgain.yes,
                    count: r.hostAgain.answers,
                  })}
            </Fact>
            <Fact label={t("relationship.highestLevel")}>
              {r.highestLevel
                ? t("relationship.highestLevelAt", {
                    level: labels.level(r.highestLevel.level),
                    date: formatDate(r.highestLevel.at, i18n.language),
                  })
                : t("relationship.noLevel")}
            </Fact>
            <Fact label={t("relationship.insurance")}>
              {r.insurance
                ? t(r.insurance.expired ? "relationship.insuranceExpired" : "relationship.insuranceUntil", {
                    carrier: r.insurance.carrier,
                    date: formatDate(r.insurance.expiresOn, i18n.language),
                  })
                : t("relationship.noInsurance")}
            </Fact>
          </SimpleGrid>
          <Group gap="xs">
            {r.asks.blackoutNow ? (
              <Text size="sm" fw={600} c="orange.9">
                {t("relationship.blackoutNow")}
              </Text>
            ) : null}
            {r.employer.sectors.map((s) => (
              <Badge key={s} variant="outline" color="gray.8" tt="none" fw={500}>
                {labels.sector(s)}
              </Badge>
            ))}
            {r.employer.website ? (
              <Anchor href={r.employer.website} target="_blank" rel="noreferrer">
                {r.employer.website}
              </Anchor>
            ) : null}
          </Group>
          <section aria-labelledby="relationship-contacts">
            <Title order={2} size="h4" id="relationship-contacts" mb="xs">
              {t("relationship.contacts")}
            </Title>
            {r.contacts.length === 0 ? (
              <Text>{t("relationship.noContacts")}</Text>
            ) : (
              <List>
                {r.contacts.map((c) => (
                  <List.Item key={c.id}>
                    {c.name} · <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> ·{" "}
                    {t(`relationship.userStatuses.${c.status}`, { defaultValue: c.status })}
                    {c.preferred ? ` · ${t("relationship.preferred")}` : ""}
                  </List.Item>
                ))}
              </List>
            )}
          </section>
          <section aria-labelledby="relationship-timeline">
            <Title order={2} size="h4" id="relationship-timeline" mb="xs">
              {t("relationship.timeline")}
            </Title>
            <DataTable
              label={t("relationship.timeline")}
              columns={columns}
              data={r.timeline}
              rowKey={(e) => `${e.type}:${e.at}:${e.matchId ?? ""}:${e.title ?? ""}:${e.status ?? ""}`}
              empty={t("relationship.emptyTimeline")}
              minWidth={760}
            />
          </section>
        </Stack>
      ) : null}
    </>
  );
}
