import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../lib/i18n.ts";
import { updateMe } from "../../lib/preferences.ts";
import { useSession } from "../../lib/session.ts";

/**
 * A native <select>: keyboard and screen-reader friendly everywhere, including phones. Signed in,
 * the choice is also saved as the person's language (emails and their next login follow it);
 * the page switches first, so a failed save never leaves them reading the wrong language.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = useSession();
  const choose = (language: Language) => {
    void i18n.changeLanguage(language);
    // Saved on every change, even back to the language the session still holds: a save of the
    // previous choice may be in flight, and its answer would switch the page back (updateMe
    // follows only the newest save's answer).
    if (current.status === "authenticated") void updateMe({ language }).catch(() => undefined);
  };
  return (
    <NativeSelect
      aria-label={t("app.language")}
      size="xs"
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => choose(event.currentTarget.value as Language)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      w={104}
    />
  );
}
