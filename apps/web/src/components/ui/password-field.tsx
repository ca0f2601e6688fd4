import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";

type PasswordFieldProps = Omit<PasswordInputProps, "visibilityToggleButtonProps"> & { ref?: Ref<HTMLInputElement> };

/**
 * Mantine's PasswordInput with two accessibility fixes: the input itself reports aria-invalid
 * (Mantine marks only the wrapper), and the show/hide toggle is reachable by keyboard and
 * labelled in the current language.
 */
export function PasswordField({ error, ...props }: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      {...props}
      error={error}
      aria-invalid={error ? true : undefined}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ "aria-label": t("app.togglePassword") }}
    />
  );
}
