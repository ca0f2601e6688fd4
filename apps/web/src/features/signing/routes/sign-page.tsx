import { Alert, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useSignDocument } from "../api/get-sign-document.ts";
import type { Signed } from "../api/sign-document.ts";
import { SignForm } from "../components/sign-form.tsx";
import { formatDateTime } from "../../../lib/format.ts";

const route = getRouteApi("/sign/$token");

const day = (iso: string, language: string) => new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

/**
 * The page a sign link opens: the document in the signer's language, and the whole page with it
 * (a Spanish-speaking guardian gets Spanish labels and buttons, whatever the browser says).
 */
export function SignPage() {
  const { token } = route.useParams();
  const doc = useSignDocument(token);
  const { t: appT, i18n } = useTranslation();
  const language = doc.data?.language ?? i18n.language;
  const { t } = useTranslation(undefined, { lng: language });
  const [signed, setSigned] = useState<Signed | null>(null);
  const [expired, setExpired] = useState(false);
  usePageTitle(doc.data?.title ?? t("placements.sign.title"));
  const unusable = expired || (doc.error instanceof ApiError && [400, 404, 410].includes(doc.error.status));

  let body: React.ReactNode;
  if (signed) {
    body = (
      <Alert color="green" variant="light" role="status" title={t("placements.sign.doneTitle")}>
        <Stack gap="xs">
          <Text size="sm">{t("placements.sign.doneBody", { date: formatDateTime(signed.signedAt, language) })}</Text>
          {signed.placementReady ? <Text size="sm">{t("placements.sign.doneReady")}</Text> : null}
        </Stack>
      </Alert>
    );
  } else if (unusable) {
    // A dead link does not say the document's language, so the message is given in both.
    const languages = language.startsWith("es") ? ["es", "en"] : ["en", "es"];
    body = (
      <Stack gap="sm">
        {languages.map((lng) => {
          const tl = i18n.getFixedT(lng);
          return (
            <Alert key={lng} lang={lng} color="orange" variant="light" role={lng === languages[0] ? "alert" : undefined} title={tl("placements.sign.expiredTitle")}>
              <Text size="sm">{tl("placements.sign.expiredBody")}</Text>
            </Alert>
          );
        })}
      </Stack>
    );
  } else if (doc.isPending) {
    body = <PageLoader />;
  } else if (doc.isError) {
    body = <ErrorAlert error={doc.error} title={appT("placements.sign.loadFailed")} onRetry={() => void doc.refetch()} />;
  } else {
    const d = doc.data;
    body = (
      <Stack gap="md">
        <div>
          <Text size="sm">{t("placements.sign.at", { opportunity: d.placement.opportunityTitle, employer: d.placement.employerName, start: day(d.placement.startDate, language), end: day(d.placement.endDate, language) })}</Text>
          <Text size="sm">{t("placements.sign.signerIs", { name: d.signer.name, role: d.signer.roleLabel })}</Text>
          <Text size="sm" fw={600}>
            {t("placements.sign.due", { date: day(d.dueOn, language) })}
          </Text>
        </div>
        <section aria-labelledby="document-text-heading">
          <Title order={2} size="h4" id="document-text-heading" mb="xs">
            {t("placements.sign.documentText")}
          </Title>
          <Text component="div" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", lineHeight: 1.6 }}>
            {d.text}
          </Text>
        </section>
        <SignForm token={token} t={t} onSigned={setSigned} onExpired={() => setExpired(true)} />
      </Stack>
    );
  }

  return (
    <PublicPage lang={language} label={t("placements.sign.title")}>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {doc.data && !unusable ? doc.data.title : t("placements.sign.title")}
        </Title>
        {body}
      </Stack>
    </PublicPage>
  );
}
