import type { Me } from "@bridgework/domain";
import { Alert, Button, Group, NativeSelect, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { LANGUAGES, type Language } from "../../../lib/i18n.ts";
import { useUpdateMe } from "../api/update-me.ts";

/** The person's language: Bridgework's pages after login and every email they get are in it. */
export function LanguageForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(me.language);
  const save = useUpdateMe();
  return (
    <form
      aria-label={t("profile.languageTitle")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ language });
      }}
    >
      <Stack gap="sm">
        <NativeSelect
          label={t("profile.language")}
          description={t("profile.languageHint")}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
          maw={320}
        />
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <Alert color="green" role="status">
            {t("profile.languageSaved")}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={language === me.language}>
            {t("profile.saveLanguage")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
