import { Button, Divider, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSignInProviders } from "../api/sign-in-providers.ts";

/**
 * "Sign in with Valley Unified": the identity providers that accept the typed email's domain. A
 * plain link, since the sign-in leaves the app for the provider and comes back to /api/sign-in/callback.
 */
export function SignInButtons({ email }: { email: string }) {
  const { t } = useTranslation();
  const providers = useSignInProviders(email);
  const list = providers.data ?? [];
  if (list.length === 0 || !email.includes("@")) return null;
  return (
    <Stack gap="sm">
      <Divider label={t("signIn.login.or")} labelPosition="center" />
      {list.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          href={`/api/sign-in/${provider.id}/start?email=${encodeURIComponent(email.trim())}`}
          variant="default"
          fullWidth
        >
          {t("signIn.login.with", { name: provider.name })}
        </Button>
      ))}
    </Stack>
  );
}
