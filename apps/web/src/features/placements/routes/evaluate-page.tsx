import { EvaluationInput } from "@bridgework/domain";
import { Alert, Button, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { chooseMessage, issueMessages } from "../../../lib/forms.ts";
import { useEvaluation, useSubmitEvaluation } from "../api/supervisor-links.ts";
import { isDeadLink, LinkExpired } from "../components/link-expired.tsx";

const route = getRouteApi("/evaluate/$token");
type Errors = Partial<Record<"given" | "rating" | "hostAgain" | "comments", string>>;

/** The supervisor's evaluation after a placement, with "would you host again?" asked every time. */
export function EvaluatePage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const evaluation = useEvaluation(token);
  const submit = useSubmitEvaluation(token);
  const [given, setGiven] = useState<string | null>("yes");
  const [rating, setRating] = useState<string | null>(null);
  const [comments, setComments] = useState("");
  const [hostAgain, setHostAgain] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  usePageTitle(t("placements.evaluate.title"));

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      given: given === "yes",
      rating: given === "yes" && rating ? Number(rating) : undefined,
      comments: comments.trim() || undefined,
      hostAgain: hostAgain === null ? undefined : hostAgain === "yes",
    };
    const parsed = EvaluationInput.safeParse(input);
    const next: Errors = {};
    const labels = {
      given: t("placements.evaluate.givenLegend"),
      rating: t("placements.evaluate.rating"),
      hostAgain: t("placements.evaluate.hostAgain"),
      comments: t("placements.evaluate.comments"),
    };
    if (!parsed.success) Object.assign(next, issueMessages(t, parsed.error.issues, labels, { comments }));
    if (input.given && !input.rating) next.rating ??= chooseMessage(t, labels.rating);
    if (hostAgain === null) next.hostAgain = chooseMessage(t, labels.hostAgain);
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;
    try {
      await submit.mutateAsync(parsed.data);
    } catch (error) {
      if (error instanceof ApiError) {
        const server: Errors = {};
        for (const fe of error.errors) server[fe.path as keyof Errors] = fe.message;
        setErrors(server);
      }
    }
  };

  let body: React.ReactNode;
  if (submit.isSuccess) {
    body = (
      <Alert color="green" variant="light" role="status" title={t("placements.evaluate.doneTitle")}>
        {t("placements.evaluate.doneBody")}
      </Alert>
    );
  } else if (isDeadLink(evaluation.error) || isDeadLink(submit.error)) {
    body = <LinkExpired />;
  } else if (evaluation.isPending) {
    body = <PageLoader />;
  } else if (evaluation.isError) {
    body = <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  } else {
    const p = evaluation.data.placement;
    body = (
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <Text>
            {t("placements.evaluate.intro", {
              student: p.studentName,
              opportunity: p.opportunityTitle,
              employer: p.employerName,
            })}
          </Text>
          {submit.isError && !(submit.error instanceof ApiError && submit.error.errors.length > 0) ? (
            <ErrorAlert error={submit.error} />
          ) : null}
          <Radio.Group
            label={t("placements.evaluate.givenLegend")}
            value={given}
            onChange={setGiven}
            error={errors.given}
          >
            <Stack gap={6} mt={6}>
              <Radio value="yes" label={t("placements.evaluate.given")} />
              <Radio value="no" label={t("placements.evaluate.notGiven")} />
            </Stack>
          </Radio.Group>
          {given === "yes" ? (
            <Radio.Group
              label={t("placements.evaluate.rating")}
              value={rating}
              onChange={setRating}
              error={errors.rating}
              required
            >
              <Stack gap={6} mt={6}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Radio key={n} value={String(n)} label={String(n)} />
                ))}
              </Stack>
            </Radio.Group>
          ) : null}
          <Textarea
            label={t("placements.evaluate.comments")}
            autosize
            minRows={3}
            value={comments}
            onChange={(event) => setComments(event.currentTarget.value)}
            error={errors.comments}
          />
          <Radio.Group
            label={t("placements.evaluate.hostAgain")}
            value={hostAgain}
            onChange={setHostAgain}
            error={errors.hostAgain}
            required
          >
            <Stack gap={6} mt={6}>
              <Radio value="yes" label={t("placements.common.yes")} />
              <Radio value="no" label={t("placements.common.no")} />
            </Stack>
          </Radio.Group>
          <Button type="submit" loading={submit.isPending}>
            {t("placements.evaluate.submit")}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicPage label={t("placements.evaluate.title")}>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t("placements.evaluate.title")}
        </Title>
        {body}
      </Stack>
    </PublicPage>
  );
}
