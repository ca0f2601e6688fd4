import { CreateMatch, type Suggestion } from "@bridgework/domain";
import { Alert, Badge, Button, Group, List, Paper, Progress, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { issueMessages } from "../../../lib/forms.ts";
import { formatRange } from "../../../lib/format.ts";
import { useProposeMatch } from "../api/propose-match.ts";
import { reasonLabel } from "./reason-label.ts";
import { useLabels } from "../../../lib/labels.ts";

interface SuggestionCardProps {
  requestId: string;
  suggestion: Suggestion;
  defaultSeats: number;
  /** Proposing is offered only while the request is open. */
  canPropose: boolean;
}

/** One suggested opportunity: how well it fits, why, and a Propose button with the seats asked for (disabled, with the reason, when it cannot be booked now). */
export function SuggestionCard({ requestId, suggestion, defaultSeats, canPropose }: SuggestionCardProps) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { opportunity: o, score, reasons, bookable } = suggestion;
  const titleId = useId();
  const blockedId = useId();
  const seatsId = useId();
  const propose = useProposeMatch(requestId);
  const [seats, setSeats] = useState(String(Math.min(defaultSeats, o.seatsLeft)));
  const [seatsError, setSeatsError] = useState<string | undefined>();
  const percent = Math.round(score * 100);
  const warning = (code: string) => code === "duplicate_ask" || code === "ask_cap_reached" || code === "asked_often";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSeatsError(undefined);
    const parsed = CreateMatch.safeParse({
      requestId,
      opportunityId: o.id,
      seats: seats.trim() === "" ? undefined : Number(seats),
    });
    if (!parsed.success)
      return setSeatsError(
        issueMessages(t, parsed.error.issues, { seats: t("brokering.requests.seats") }, { seats }, () => "seats").seats,
      );
    propose.mutate(parsed.data, {
      onError: (error) => {
        const fieldError = error instanceof ApiError ? error.errors.find((e) => e.path === "seats") : undefined;
        if (fieldError) setSeatsError(fieldError.message);
      },
    });
  };

  return (
    <Paper component="article" aria-labelledby={titleId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h5" id={titleId}>
              <AnchorLink to="/opportunities/$opportunityId" params={{ opportunityId: o.id }}>
                {o.title}
              </AnchorLink>
            </Title>
            <Text size="sm" c="dimmed">
              {o.employerName} · {labels.kind(o.kind)} · {labels.modality(o.modality)} ·{" "}
              {formatRange(o.startsAt, o.endsAt, i18n.language)} ·{" "}
              {t("brokering.opportunities.seatsOf", { left: o.seatsLeft, capacity: o.capacity })}
            </Text>
          </div>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Badge size="lg" variant="outline" color="bridge.9" radius="sm" tt="none">
              {t("brokering.requests.scoreValue", { score: percent })}
            </Badge>
            {bookable ? null : (
              <Badge variant="outline" color="#a14400" radius="sm" tt="none">
                {t("asks.suggestion.notBookable")}
              </Badge>
            )}
          </Stack>
        </Group>
        <Progress value={percent} size="sm" aria-hidden="true" />
        <div>
          <Text size="sm" fw={600}>
            {t("brokering.requests.why")}
          </Text>
          <List size="sm" spacing={2} className="reasons">
            {reasons.map((reason) => (
              <List.Item key={reason.code} c={warning(reason.code) ? "#a14400" : undefined}>
                {reasonLabel(t, i18n.language, reason)}
              </List.Item>
            ))}
          </List>
        </div>
        {bookable ? null : (
          <Alert id={blockedId} variant="light" color="orange">
            {t("asks.suggestion.capReached", { employer: o.employerName })}
          </Alert>
        )}
        {canPropose ? (
          propose.isSuccess ? (
            <Alert color="green" variant="light" role="status">
              {t("brokering.requests.proposed")}
            </Alert>
          ) : (
            <form onSubmit={submit} noValidate>
              <Group align="flex-end" gap="sm">
                <TextInput
                  id={seatsId}
                  label={t("brokering.requests.seats")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={o.seatsLeft}
                  w={110}
                  value={seats}
                  onChange={(event) => setSeats(event.currentTarget.value)}
                  error={seatsError}
                />
                <Button
                  type="submit"
                  loading={propose.isPending}
                  disabled={!bookable}
                  aria-describedby={bookable ? titleId : `${titleId} ${blockedId}`}
                >
                  {propose.isPending ? t("brokering.requests.proposing") : t("brokering.requests.propose")}
                </Button>
              </Group>
              {propose.isError && !seatsError ? (
                <Stack mt="sm">
                  <ErrorAlert error={propose.error} />
                </Stack>
              ) : null}
            </form>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}
