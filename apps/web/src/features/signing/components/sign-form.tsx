import { Button, Checkbox, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import type { TFunction } from "i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { type Signed, useSign } from "../api/sign-document.ts";

interface SignFormProps {
  token: string;
  /** The document shown: the packet signs exactly what the signer read. */
  documentId: string;
  t: TFunction;
  onSigned: (result: Signed) => void;
  onExpired: () => void;
  /** Another tab signed this document first (409): the page shows the next one. */
  onAlreadySigned: () => void;
}

/** Typed name + "I agree": the two things the API records as the signature. */
export function SignForm({ token, documentId, t, onSigned, onExpired, onAlreadySigned }: SignFormProps) {
  const sign = useSign(token);
  const [typedName, setTypedName] = useState("");
  const [agree, setAgree] = useState(false);
  const [errors, setErrors] = useState<{ typedName?: string; agree?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const next = {
      typedName: typedName.trim() ? undefined : t("placements.sign.typedNameRequired"),
      agree: agree ? undefined : t("placements.sign.agreeRequired"),
    };
    setErrors(next);
    if (next.typedName || next.agree) {
      document.getElementById(next.typedName ? "sign-typed-name" : "sign-agree")?.focus();
      return;
    }
    try {
      onSigned(await sign.mutateAsync({ typedName: typedName.trim(), agree: true, documentId }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) return onExpired();
      if (error instanceof ApiError && error.status === 409) return onAlreadySigned();
      if (error instanceof ApiError && error.errors.length > 0) {
        const server: { typedName?: string; agree?: string } = {};
        for (const fe of error.errors) if (fe.path === "typedName" || fe.path === "agree") server[fe.path] = fe.message;
        setErrors(server);
        if (Object.keys(server).length > 0) return;
      }
      setFailure(error);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {failure ? <ErrorAlert error={failure} /> : null}
        <TextInput
          id="sign-typed-name"
          label={t("placements.sign.typedName")}
          description={t("placements.sign.typedNameHint")}
          required
          autoComplete="name"
          size="md"
          value={typedName}
          onChange={(event) => setTypedName(event.currentTarget.value)}
          error={errors.typedName}
        />
        <Checkbox
          id="sign-agree"
          label={t("placements.sign.agree")}
          size="md"
          checked={agree}
          onChange={(event) => setAgree(event.currentTarget.checked)}
          error={errors.agree}
        />
        <Button type="submit" size="md" fullWidth loading={sign.isPending}>
          {sign.isPending ? t("placements.sign.submitting") : t("placements.sign.submit")}
        </Button>
      </Stack>
    </form>
  );
}
