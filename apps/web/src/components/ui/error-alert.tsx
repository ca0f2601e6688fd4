import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../lib/api-error.ts";
import { problemMessage } from "../../lib/problem-message.ts";

interface ErrorAlertProps {
  error: unknown;
  /** Offers a retry button when given (failed loads). */
  onRetry?: () => void;
  title?: string;
}

/** A failure shown in place: role="alert" so it is announced, with a retry for failed loads. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  // A refusal (4xx problem+json) has its own title in the reader's language ("Outside the window"); "Something went wrong" is for faults.
  const refusal =
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.type !== "about:blank" &&
    error.title
      ? error.title
      : undefined;
  return (
    <Alert role="alert" color="red" variant="light" title={title ?? refusal ?? t("errors.title")}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problemMessage(t, error)}</Text>
        {requestId && error instanceof ApiError && error.status >= 500 ? (
          <Text size="xs" c="dimmed">
            {t("errors.requestId", { id: requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t("errors.retry")}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
