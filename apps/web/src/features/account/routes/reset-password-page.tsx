import { PasswordResetInput } from "@bridgework/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { PasswordField } from "../../../components/ui/password-field.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { applyProblemToForm, fieldMessage } from "../../../lib/forms.ts";
import { usePasswordReset, useResetPassword } from "../api/password-reset.ts";

const route = getRouteApi("/reset-password/$token");

function LinkExpired() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t("account.reset.expiredTitle")} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t("account.reset.expiredBody")}</Text>
        <Button component={Link} to="/forgot-password" variant="default" size="xs">
          {t("account.reset.askAgain")}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The page a reset email links to: whose account, then the new password twice; on to log in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const navigate = useNavigate();
  const reset = usePasswordReset(token);
  const [expired, setExpired] = useState(false);
  usePageTitle(t("account.reset.title"));
  // 400: a malformed token; 410: used or expired. Either way the link is no good.
  const unusable = expired || (reset.error instanceof ApiError && [400, 404, 410].includes(reset.error.status));

  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} radius="lg" w="100%" maw={480}>
        <Stack gap="lg">
          {/* The header\'s language switch serves this public page too. */}
          <Title order={1} size="h2">
            {t("account.reset.title")}
          </Title>
          {unusable ? (
            <LinkExpired />
          ) : reset.isPending ? (
            <PageLoader />
          ) : reset.isError ? (
            <ErrorAlert error={reset.error} onRetry={() => void reset.refetch()} />
          ) : (
            <>
              <Text size="sm">{t("account.reset.forEmail", { email: reset.data.email })}</Text>
              <ResetPasswordForm
                token={token}
                onExpired={() => setExpired(true)}
                onDone={() => void navigate({ to: "/login", search: { email: reset.data.email, reset: true } })}
              />
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

function ResetPasswordForm({ token, onDone, onExpired }: { token: string; onDone: () => void; onExpired: () => void }) {
  const { t, i18n } = useTranslation();
  const submit = useResetPassword(token);
  const [failure, setFailure] = useState<unknown>(null);
  // The shared schema checks the password; repeating it is a client-side courtesy only.
  const schema = useMemo(
    () =>
      PasswordResetInput.extend({ confirm: z.string() }).refine((v) => v.password === v.confirm, {
        path: ["confirm"],
        message: t("account.reset.mismatch"),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { password: "", confirm: "" },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await submit.mutateAsync({ password });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) return onExpired();
      applyProblemToForm(error, setError, ["password"]);
      setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        <PasswordField
          label={t("account.reset.password")}
          description={t("account.reset.passwordHint")}
          autoComplete="new-password"
          required
          error={fieldMessage(t, i18n.language, errors.password)}
          {...register("password")}
        />
        <PasswordField
          label={t("account.reset.confirm")}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...register("confirm")}
        />
        <Button type="submit" loading={formState.isSubmitting}>
          {formState.isSubmitting ? t("account.reset.submitting") : t("account.reset.submit")}
        </Button>
      </Stack>
    </form>
  );
}
