import type { LoginInput } from "@bridgework/domain";
import { Button, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import type { FieldError } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PasswordField } from "../../../components/ui/password-field.tsx";
import { applyProblemToForm, fieldMessage, issueToFieldError } from "../../../lib/forms.ts";
import { useLogin } from "../api/login.ts";
import { SignInButtons } from "./sign-in-buttons.tsx";

type Field = keyof LoginInput;
type Errors = Partial<Record<Field, FieldError>>;

/**
 * The API's own schema checks the form, fetched with the first check (submit): the page paints
 * without zod. Each field keeps its first issue's facts, worded at render (`fieldMessage`).
 */
async function check(values: LoginInput): Promise<{ input?: LoginInput; errors: Errors }> {
  const { LoginInput } = await import("../login-schema.ts");
  const parsed = LoginInput.safeParse(values);
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !errors[field])
      errors[field] = issueToFieldError(issue, values[field]);
  }
  return { errors };
}

interface LoginFormProps {
  defaultEmail?: string;
  /** Called after the session has started (the login page then moves on by itself). */
  onSuccess?: () => void;
  /** The login page: "Sign in with <district>" under the form once the email's domain has a provider. */
  withProviders?: boolean;
}

/**
 * Email + password; wrong credentials (401) and lockouts (429) show the server's detail. Kept in
 * component state, not react-hook-form: this form is on the first page, and two fields do not
 * need a form library's weight there. As with the other forms, a failed check focuses the first
 * field in error, and after the first submit each change checks again.
 */
export function LoginForm({ defaultEmail = "", onSuccess, withProviders = false }: LoginFormProps) {
  const { t, i18n } = useTranslation();
  const loginMutation = useLogin();
  const [failure, setFailure] = useState<unknown>(null);
  const [values, setValues] = useState<LoginInput>({ email: defaultEmail, password: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);
  const submitted = useRef(false);
  const latestCheck = useRef(0); // a slower, older check must not overwrite a newer one
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const change = (field: Field) => (event: { currentTarget: HTMLInputElement }) => {
    const next = { ...values, [field]: event.currentTarget.value };
    setValues(next);
    if (!submitted.current) return;
    const id = ++latestCheck.current;
    void check(next).then((result) => id === latestCheck.current && setErrors(result.errors));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    submitted.current = true;
    latestCheck.current++;
    setSubmitting(true);
    try {
      const { input, errors: found } = await check(values);
      setErrors(found);
      if (!input) {
        (found.email ? emailRef : passwordRef).current?.focus();
        return;
      }
      setFailure(null);
      try {
        await loginMutation.mutateAsync(input);
        onSuccess?.();
      } catch (error) {
        const fromServer: Errors = {};
        const fields: Field[] = ["email", "password"];
        applyProblemToForm<LoginInput>(error, (field, e) => (fromServer[field as Field] = e as FieldError), fields);
        setErrors(fromServer);
        setFailure(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} title={t("auth.failed")} /> : null}
        <TextInput
          ref={emailRef}
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={values.email}
          onChange={change("email")}
          error={fieldMessage(t, i18n.language, errors.email, t("auth.email"))}
        />
        <PasswordField
          ref={passwordRef}
          label={t("auth.password")}
          name="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={change("password")}
          error={fieldMessage(t, i18n.language, errors.password, t("auth.password"))}
        />
        <Button type="submit" loading={submitting} fullWidth>
          {submitting ? t("auth.submitting") : t("auth.submit")}
        </Button>
        {withProviders ? <SignInButtons email={values.email} /> : null}
      </Stack>
    </form>
  );
}
