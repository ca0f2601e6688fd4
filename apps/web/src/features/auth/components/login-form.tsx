import type { LoginInput } from "@bridgework/domain";
import { Button, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { type Resolver, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PasswordField } from "../../../components/ui/password-field.tsx";
import { applyProblemToForm, fieldMessage } from "../../../lib/forms.ts";
import { schemaResolver } from "../../../lib/schema-resolver.ts";
import { useLogin } from "../api/login.ts";
import { SignInButtons } from "./sign-in-buttons.tsx";

/** The API's own schema, fetched with the first check (submit): the page paints without zod. */
const resolver: Resolver<LoginInput> = async (values, context, options) => {
  const { LoginInput } = await import("../login-schema.ts");
  return schemaResolver<LoginInput, typeof LoginInput>(LoginInput, (v) => v)(values, context, options);
};

interface LoginFormProps {
  defaultEmail?: string;
  /** Called after the session has started (the login page then moves on by itself). */
  onSuccess?: () => void;
  /** The login page: "Sign in with <district>" under the form once the email's domain has a provider. */
  withProviders?: boolean;
}

/** Email + password; wrong credentials (401) and lockouts (429) show the server's detail. */
export function LoginForm({ defaultEmail = "", onSuccess, withProviders = false }: LoginFormProps) {
  const { t, i18n } = useTranslation();
  const loginMutation = useLogin();
  const [failure, setFailure] = useState<unknown>(null);
  const { register, handleSubmit, setError, formState, control } = useForm<LoginInput>({
    resolver,
    defaultValues: { email: defaultEmail, password: "" },
  });
  const { errors } = formState;
  const email = useWatch({ control, name: "email" });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await loginMutation.mutateAsync(values);
      onSuccess?.();
    } catch (error) {
      applyProblemToForm(error, setError, ["email", "password"]);
      setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} title={t("auth.failed")} /> : null}
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          error={fieldMessage(t, i18n.language, errors.email, t("auth.email"))}
          {...register("email")}
        />
        <PasswordField
          label={t("auth.password")}
          autoComplete="current-password"
          required
          error={fieldMessage(t, i18n.language, errors.password, t("auth.password"))}
          {...register("password")}
        />
        <Button type="submit" loading={formState.isSubmitting} fullWidth>
          {formState.isSubmitting ? t("auth.submitting") : t("auth.submit")}
        </Button>
        {withProviders ? <SignInButtons email={email} /> : null}
      </Stack>
    </form>
  );
}
