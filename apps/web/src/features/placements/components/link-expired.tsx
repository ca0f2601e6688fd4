import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../lib/api-error.ts";

/** 400 (malformed token) or 410 (used, expired, revoked): the link is no good either way. */
export const isDeadLink = (error: unknown) => error instanceof ApiError && [400, 404, 410].includes(error.status);

export function LinkExpired() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t("placements.sign.expiredTitle")}>
      <Text size="sm">{t("placements.sign.expiredBody")}</Text>
    </Alert>
  );
}
