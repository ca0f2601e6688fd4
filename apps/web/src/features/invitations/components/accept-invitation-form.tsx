import { AcceptInvitationInput, type InvitationInfo } from "@bridgework/domain";
import { Button, Stack, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PasswordField } from "../../../components/ui/password-field.tsx";
import { applyProblemToForm, fieldMessage } from "../../../lib/forms.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { schemaResolver } from "../../../lib/schema-resolver.ts";
import { useAcceptInvitation } from "../api/accept-invitation.ts";

interface AcceptInvitationFormProps {
  token: string;
  invitation: InvitationInfo;
  onAccepted: (email: string) => void;
  /** The link turned out used or expired while the form was open. */
  onExpired: () => void;
}

export function AcceptInvitationForm({ token, invitation, onAccepted, onExpired }: AcceptInvitationFormProps) {
  const { t, i18n } = useTranslation();
  const accept = useAcceptInvitation(token);
  const [failure, setFailure] = useState<unknown>(null);
  // The shared schema checks the password; repeating it is a client-side courtesy only.
  const schema = useMemo(
    () =>
      AcceptInvitationInput.extend({ confirm: z.string() }).refine((v) => v.password === v.confirm, {
        path: ["confirm"],
        message: t("invite.mismatch"),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: schemaResolver<Values, typeof schema>(schema, (v) => v),
    defaultValues: { name: invitation.name, password: "", confirm: "" },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async ({ name, password }) => {
    setFailure(null);
    try {
      await accept.mutateAsync({ name, password });
      onAccepted(invitation.email);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) return onExpired();
      applyProblemToForm(error, setError, ["name", "password"]);
      setFailure(error);
    }
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        <TextInput
          label={t("invite.name")}
          autoComplete="name"
          required
          error={fieldMessage(t, i18n.language, errors.name, t("invite.name"))}
          {...register("name")}
        />
        <PasswordField
          label={t("invite.password")}
          description={t("invite.passwordHint")}
          autoComplete="new-password"
          required
          error={fieldMessage(t, i18n.language, errors.password, t("invite.password"))}
          {...register("password")}
        />
        <PasswordField
          label={t("invite.confirm")}
          autoComplete="new-password"
          required
          error={
            errors.confirm?.type === "custom"
              ? errors.confirm.message
              : fieldMessage(t, i18n.language, errors.confirm, t("invite.confirm"))
          }
          {...register("confirm")}
        />
        <Button type="submit" loading={formState.isSubmitting}>
          {formState.isSubmitting ? t("invite.submitting") : t("invite.submit")}
        </Button>
      </Stack>
    </form>
  );
}
