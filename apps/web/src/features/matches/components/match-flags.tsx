import { Alert, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Duplicate-ask and ask-cap flags, named and explained in words: a coordinator decides on them,
 * so the reason is on the page, not behind a hover.
 */
export function MatchFlags({ duplicateAsk, askCapReached }: { duplicateAsk: boolean; askCapReached: boolean }) {
  const { t } = useTranslation();
  if (!duplicateAsk && !askCapReached) return null;
  return (
    <Stack gap="xs">
      {duplicateAsk ? (
        <Alert variant="light" color="orange" title={t("brokering.matches.duplicateAsk")} className="match-flag" p="xs">
          {t("brokering.matches.duplicateAskHelp")}
        </Alert>
      ) : null}
      {askCapReached ? (
        <Alert variant="light" color="red" title={t("brokering.matches.askCap")} className="match-flag" p="xs">
          {t("brokering.matches.askCapHelp")}
        </Alert>
      ) : null}
    </Stack>
  );
}
