import { type InterestSubmission, WAY_TO_HELP_TEXT } from "@bridgework/domain";
import { Badge, Button, Card, Group, List, NumberInput, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useLabels } from "../../../lib/labels.ts";
import { type InterestAction, useDecideInterest, useEmployerOptions } from "../api/interests.ts";

interface Props {
  submission: InterestSubmission;
  onDecided(text: string): void;
}

/** One waiting submission: what the company gave, its likely duplicates, and the three decisions. */
export function SubmissionCard({ submission: s, onDecided }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const decide = useDecideInterest();
  const employers = useEmployerOptions();
  const [askCap, setAskCap] = useState<number | string>(4);
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const lang = labels.language;
  const headingId = `submission-${s.id}`;
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, m - 1, 15)),
    );

  const likelyOrgs = s.matches.filter((m) => m.kind === "organization");
  const others = (employers.data?.items ?? []).filter((e) => !likelyOrgs.some((m) => m.id === e.id));
  const mergeOptions = [
    ...(likelyOrgs.length > 0
      ? [
          {
            group: t("vetting.likelyGroup"),
            items: likelyOrgs.map((m) => ({
              value: m.id,
              label: t("vetting.matchOption", { name: m.name, score: Math.round(m.score * 100) }),
            })),
          },
        ]
      : []),
    { group: t("vetting.allEmployers"), items: others.map((e) => ({ value: e.id, label: e.name })) },
  ];

  // The card leaves the queue when the decision lands (the list is refetched first), so the page's
  // notice is set from the promise, not from a callback of this card's mutation.
  const run = (a: InterestAction, done: string) =>
    decide
      .mutateAsync(a)
      .then(() => onDecided(done))
      .catch(() => undefined);

  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {s.companyName}
        </Title>
        <Text size="sm">
          {[
            s.website,
            s.companySize ? t("vetting.size", { size: s.companySize }) : null,
            [s.city, s.postalCode].filter(Boolean).join(" "),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <Text size="sm">
          {t("vetting.contact")}: {s.contactName}
          {s.contactRole ? ` (${s.contactRole})` : ""} · {s.contactEmail}
          {s.contactPhone ? ` · ${s.contactPhone}` : ""}
        </Text>
        {s.sectors.length > 0 ? (
          <Text size="sm">
            {t("vetting.sectors")}: {s.sectors.map((x) => labels.sector(x)).join(", ")}
          </Text>
        ) : null}
        <div>
          <Text size="sm" fw={600}>
            {t("vetting.ways")}
          </Text>
          <List size="sm">
            {s.ways.map((w) => (
              <List.Item key={w}>{WAY_TO_HELP_TEXT[lang][w].title}</List.Item>
            ))}
          </List>
        </div>
        <Text size="sm">
          {t("vetting.months")}: {s.months.length > 0 ? s.months.map(monthName).join(", ") : t("vetting.anyMonth")} ·{" "}
          {t("vetting.modality")}: {s.modality ? labels.modality(s.modality) : t("vetting.anyModality")}
        </Text>
        {s.note ? (
          <Text size="sm">
            {t("vetting.note")}: {s.note}
          </Text>
        ) : null}

        <div>
          <Title order={3} size="h5">
            {t("vetting.matchesTitle")}
          </Title>
          {s.matches.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("vetting.noMatches")}
            </Text>
          ) : (
            <List size="sm" aria-label={t("vetting.matchesOf", { company: s.companyName })}>
              {s.matches.map((m) => (
                <List.Item key={m.id}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600} component="span">
                      {m.name}
                    </Text>
                    <Text size="sm" component="span">
                      ({m.kind === "organization" ? t("vetting.existingEmployer") : t("vetting.earlierSubmission")})
                    </Text>
                    <Badge color={m.likely ? "red.9" : "gray.7"} variant="filled">
                      {m.likely
                        ? t("vetting.likely", { score: Math.round(m.score * 100) })
                        : t("vetting.possible", { score: Math.round(m.score * 100) })}
                    </Badge>
                    <Text size="sm" component="span">
                      {m.signals.map((sig) => t(`vetting.signals.${sig}`)).join(", ")}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>

        {decide.isError ? <ErrorAlert error={decide.error} /> : null}

        <Group align="end" wrap="wrap">
          <NumberInput
            label={t("vetting.askCap")}
            description={t("vetting.askCapHint")}
            min={0}
            max={100}
            value={askCap}
            onChange={setAskCap}
            w={200}
          />
          <Button
            color="teal.9"
            loading={decide.isPending && decide.variables?.action === "approve"}
            onClick={() =>
              run(
                { action: "approve", id: s.id, body: { askCapPerMonth: askCap === "" ? null : Number(askCap) } },
                t("vetting.approved", { company: s.companyName }),
              )
            }
          >
            {t("vetting.approve", { company: s.companyName })}
          </Button>
        </Group>

        <Group align="end" wrap="wrap">
          <Select
            label={t("vetting.mergeInto")}
            data={mergeOptions}
            value={mergeInto}
            onChange={setMergeInto}
            searchable
            w={320}
            maw="100%"
          />
          <Button
            variant="default"
            disabled={!mergeInto}
            onClick={() =>
              mergeInto &&
              run(
                { action: "merge", id: s.id, body: { organizationId: mergeInto } },
                t("vetting.merged", { company: s.companyName }),
              )
            }
          >
            {t("vetting.merge", { company: s.companyName })}
          </Button>
        </Group>

        <Group align="end" wrap="wrap">
          <Textarea
            label={t("vetting.reason")}
            description={t("vetting.reasonHint")}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonMissing(false);
            }}
            error={reasonMissing ? t("vetting.reasonMissing") : undefined}
            w={320}
            maw="100%"
            autosize
            minRows={2}
          />
          <Button
            color="red.9"
            variant="outline"
            onClick={() => {
              if (!reason.trim()) {
                setReasonMissing(true);
                return;
              }
              run(
                { action: "decline", id: s.id, body: { reason: reason.trim() } },
                t("vetting.declined", { company: s.companyName }),
              );
            }}
          >
            {t("vetting.decline", { company: s.companyName })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
