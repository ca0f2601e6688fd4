import { PasswordResetRequest } from "@bridgework/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { applyProblemToForm, fieldMessage } from "../../../lib/forms.ts";
import { useRequestPasswordReset } from "../api/password-reset.ts";

/** Forgot password: an email address in, the same answer out whether or not it has an account. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("account.forgot.title"));
  const request = useRequestPasswordReset();
  const [failure, setFailure] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, setError, formState } = useForm<PasswordResetRequest>({
    resolver: zodResolver(PasswordResetRequest),
    defaultValues: { email: "" },
  });

  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      applyProblemToForm(error, setError, ["email"]);
      setFailure(error);
    }
  });

  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} radius="lg" w="100%" maw={440}>
        <Stack gap="lg">
          {/* The header\'s language switch serves this public page too. */}
          <Title order={1} size="h2">
            {t("account.forgot.title")}
          </Title>
          {sentTo ? (
            <Alert
              ref={sentRef}
              tabIndex={-1}
              color="green"
              variant="light"
              role="status"
              title={t("account.forgot.sentTitle")}
            >
              <Text size="sm">{t("account.forgot.sent", { email: sentTo })}</Text>
            </Alert>
          ) : (
            <form onSubmit={(event) => void onSubmit(event)} noValidate>
              <Stack gap="md">
                <Text c="dimmed" size="sm">
                  {t("account.forgot.intro")}
                </Text>
                {failure ? <ErrorAlert error={failure} title={t("account.forgot.failed")} /> : null}
                <TextInput
                  label={t("account.forgot.email")}
                  type="email"
                  autoComplete="username"
                  required
                  error={fieldMessage(t, i18n.language, formState.errors.email)}
                  {...register("email")}
                />
                <Button type="submit" loading={formState.isSubmitting} fullWidth>
                  {formState.isSubmitting ? t("account.forgot.submitting") : t("account.forgot.submit")}
                </Button>
              </Stack>
            </form>
          )}
          <Button component={Link} to="/login" variant="subtle" size="sm" style={{ alignSelf: "flex-start" }}>
            {t("account.forgot.backToLogin")}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
