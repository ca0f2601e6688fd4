import { Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../hooks/use-page-title.ts";

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t("app.notFoundTitle"));
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={1} size="h2">
        {t("app.notFoundTitle")}
      </Title>
      <Text>{t("app.notFoundBody")}</Text>
      <Button component={Link} to="/" variant="default">
        {t("app.backHome")}
      </Button>
    </Stack>
  );
}
