import type { MatchDetail, MatchFeedback, Me } from "@bridgework/domain";
import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { type Ref, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format.ts";
import { useCompleteMatch, useGiveMatchFeedback } from "../api/match-actions.ts";
import { CompleteForm } from "./complete-form.tsx";
import { FeedbackForm } from "./feedback-form.tsx";

/** The school side may mark it completed once it has taken place (or when no time was ever set). */
export function canMarkCompleted(match: MatchDetail, role: Me["role"], now = new Date()): "yes" | "not-yet" | "no" {
  if (role !== "teacher" && role !== "coordinator") return "no";
  if (match.status === "accepted") return "yes";
  if (match.status !== "scheduled") return "no";
  return match.scheduledAt && new Date(match.scheduledAt) > now ? "not-yet" : "yes";
}

/**
 * "How did it go?" on the match page (anchor `#feedback`, where the emailed link lands): marking
 * the visit completed with attendance, the viewer's feedback form, and the answers they may read.
 */
export function MatchFeedbackSection({
  match,
  user,
  headingRef,
}: {
  match: MatchDetail;
  user: Me;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteMatch();
  const give = useGiveMatchFeedback();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // After an action the page changes under the button: move focus to what it says happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!["accepted", "scheduled", "completed"].includes(match.status)) return null;
  const audience = user.role === "teacher" || user.role === "employer" ? user.role : null;
  const mine = match.feedback.some((f) => f.author.id === user.id);
  const completable = canMarkCompleted(match, user.role);

  let body: React.ReactNode;
  if (match.status !== "completed") {
    if (completable === "yes") {
      body = (
        <CompleteForm
          students={match.request.students}
          seats={match.seats}
          onComplete={async (input) => {
            await complete.mutateAsync({ id: match.id, input });
            setNotice(t("rating.complete.done", { attended: input.attendedStudents }));
          }}
        />
      );
    } else if (completable === "not-yet") {
      body = (
        <Text size="sm">{t("rating.complete.notYet", { when: formatDateTime(match.scheduledAt, i18n.language) })}</Text>
      );
    } else {
      body = <Text size="sm">{t("rating.waiting.school")}</Text>;
    }
  } else {
    body = (
      <Stack gap="lg">
        {audience && !mine ? (
          <section aria-labelledby="feedback-form-title">
            <Title order={3} size="h5" id="feedback-form-title" mb="xs">
              {t("rating.form.title")}
            </Title>
            <FeedbackForm
              audience={audience}
              onGive={async (input) => {
                await give.mutateAsync({ id: match.id, input });
                setNotice(t("rating.form.done"));
              }}
            />
          </section>
        ) : null}
        <section aria-labelledby="feedback-given-title">
          <Title order={3} size="h5" id="feedback-given-title" mb="xs">
            {t("rating.given.title")}
          </Title>
          <FeedbackList feedback={match.feedback} hidden={match.feedbackHidden} />
        </section>
      </Stack>
    );
  }

  return (
    <section aria-labelledby="feedback" className="match-feedback">
      <Title order={2} size="h4" id="feedback" mb="sm" tabIndex={-1} ref={headingRef} style={{ scrollMarginTop: 80 }}>
        {t("rating.section")}
      </Title>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          {notice ? (
            <Alert ref={noticeRef} tabIndex={-1} color="green" variant="light" role="status">
              {notice}
            </Alert>
          ) : null}
          {body}
        </Stack>
      </Paper>
    </section>
  );
}

function FeedbackList({ feedback, hidden }: { feedback: MatchFeedback[]; hidden: number }) {
  const { t, i18n } = useTranslation();
  const yesNo = (v: boolean) => (v ? t("rating.form.yes") : t("rating.form.no"));
  return (
    <Stack gap="sm">
      {feedback.length === 0 && hidden === 0 ? <Text size="sm">{t("rating.given.none")}</Text> : null}
      {feedback.length > 0 ? (
        <ul
          className="feedback-list"
          style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "var(--mantine-spacing-sm)" }}
        >
          {feedback.map((f) => (
            <li key={f.id}>
              <Paper
                withBorder
                radius="sm"
                p="sm"
                component="article"
                aria-label={t("rating.given.by", { name: f.author.name, role: t(`rating.given.roles.${f.role}`) })}
              >
                <Text fw={600} size="sm">
                  {t("rating.given.by", { name: f.author.name, role: t(`rating.given.roles.${f.role}`) })}
                </Text>
                <Text size="sm">{t("rating.given.ratingOf", { rating: f.rating })}</Text>
                <Text size="sm">
                  {f.role === "teacher"
                    ? t("rating.given.hostAgainTeacher", { answer: yesNo(f.hostAgain) })
                    : t("rating.given.hostAgainEmployer", { answer: yesNo(f.hostAgain) })}
                </Text>
                {f.comment ? (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    “{f.comment}”
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {t("rating.given.on", { when: formatDateTime(f.createdAt, i18n.language) })}
                </Text>
              </Paper>
            </li>
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? (
        <Alert color="blue" variant="light">
          {t("rating.given.hidden", { count: hidden })}
        </Alert>
      ) : null}
    </Stack>
  );
}
