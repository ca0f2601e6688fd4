import { Divider, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useMe } from "../api/get-me.ts";
import { LanguageForm } from "../components/language-form.tsx";

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t("profile.title")} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        {me.isPending ? (
          <PageLoader />
        ) : me.isError ? (
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        ) : (
          <>
            <dl className="profile-list">
              <dt>{t("profile.name")}</dt>
              <dd>{me.data.name}</dd>
              <dt>{t("profile.email")}</dt>
              <dd>{me.data.email}</dd>
              <dt>{t("profile.role")}</dt>
              <dd>{t(`roles.${me.data.role}`)}</dd>
              <dt>{t("profile.organization")}</dt>
              <dd>{me.data.organizationName}</dd>
              <dt>{t("profile.region")}</dt>
              <dd>{me.data.region.name}</dd>
              <dt>{t("profile.timeZone")}</dt>
              <dd>{me.data.region.timeZone}</dd>
            </dl>
            <Divider my="lg" />
            <LanguageForm me={me.data} />
          </>
        )}
      </Paper>
    </>
  );
}
