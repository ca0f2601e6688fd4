import { Center, Loader, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" size="md" />
      <VisuallyHidden>{t("app.loading")}</VisuallyHidden>
    </Center>
  );
}
