import { Alert, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useSignDocument } from "../api/get-sign-document.ts";
import type { Signed } from "../api/sign-document.ts";
import { PacketProgress } from "../components/packet-progress.tsx";
import { SignForm } from "../components/sign-form.tsx";
import { formatDateTime } from "../../../lib/format.ts";

const route = getRouteApi("/sign/$token");

type Notice = {
  key: "placements.sign.signedNext" | "placements.sign.alreadySigned";
  values: Record<string, string | number>;
};

const day = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );

/**
 * The page a sign link opens: the signer's next document, where it stands in their packet, and
 * after each signature the next one, until an end page. The page opens in the signer's language
 * (a Spanish-speaking guardian gets Spanish labels, whatever the browser says) and the language
 * switch changes it; the document text stays in the language it was written and signed in, and
 * is marked so (lang), as is <html lang> for the rest.
 */
export function SignPage() {
  const { token } = route.useParams();
  const doc = useSignDocument(token);
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [signed, setSigned] = useState<Signed | null>(null);
  // Kept as a key and values, not text, so the language switch re-translates it too.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [expired, setExpired] = useState(false);
  usePageTitle(doc.data && !signed ? doc.data.title : t("placements.sign.title"));
  const unusable = expired || (doc.error instanceof ApiError && [400, 404, 410].includes(doc.error.status));

  // Once per visit the page adopts the document's language; afterwards only the switch changes it.
  const adopted = useRef(false);
  useEffect(() => {
    if (doc.data && !adopted.current) {
      adopted.current = true;
      if (i18n.language !== doc.data.language) void i18n.changeLanguage(doc.data.language);
    }
  }, [doc.data, i18n]);

  const onSigned = (result: Signed) => {
    if (result.remaining === 0) return setSigned(result);
    const current = doc.data!;
    setNotice({
      key: "placements.sign.signedNext",
      values: { title: current.title, position: current.packet.position + 1, total: current.packet.total },
    });
    void doc.refetch();
    window.scrollTo({ top: 0 });
  };
  const onAlreadySigned = () => {
    setNotice({ key: "placements.sign.alreadySigned", values: {} });
    void doc.refetch();
  };

  let heading = t("placements.sign.title");
  let body: React.ReactNode;
  if (signed) {
    const count = doc.data?.packet.total ?? 1;
    heading = t("placements.sign.allDone", { count });
    body = (
      <Alert color="green" variant="light" role="status" title={t("placements.sign.doneTitle")}>
        <Stack gap="xs">
          <Text size="sm">{t("placements.sign.allDoneWhen", { date: formatDateTime(signed.signedAt, language) })}</Text>
          {signed.placementReady ? <Text size="sm">{t("placements.sign.doneReady")}</Text> : null}
          <Text size="sm">{t("placements.sign.allDoneNext")}</Text>
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
            <Alert
              key={lng}
              lang={lng}
              color="orange"
              variant="light"
              role={lng === languages[0] ? "alert" : undefined}
              title={tl("placements.sign.expiredTitle")}
            >
              <Text size="sm">{tl("placements.sign.expiredBody")}</Text>
            </Alert>
          );
        })}
      </Stack>
    );
  } else if (doc.isPending || (doc.isFetching && notice)) {
    body = <PageLoader />;
  } else if (doc.isError) {
    body = <ErrorAlert error={doc.error} title={t("placements.sign.loadFailed")} onRetry={() => void doc.refetch()} />;
  } else {
    const d = doc.data;
    heading = d.title;
    body = (
      <Stack gap="md">
        {notice ? (
          <Alert color="green" variant="light" role="status">
            {t(notice.key, notice.values)}
          </Alert>
        ) : null}
        <PacketProgress view={d} t={t} />
        <div>
          <Text size="sm">
            {t("placements.sign.at", {
              opportunity: d.placement.opportunityTitle,
              employer: d.placement.employerName,
              start: day(d.placement.startDate, language),
              end: day(d.placement.endDate, language),
            })}
          </Text>
          <Text size="sm">
            {t("placements.sign.signerIs", {
              name: d.signer.name,
              role: t(`placements.placements.signerRoles.${d.signer.role}`),
            })}
          </Text>
          <Text size="sm" fw={600}>
            {t("placements.sign.due", { date: day(d.dueOn, language) })}
          </Text>
        </div>
        <section aria-labelledby="document-text-heading">
          <Title order={2} size="h4" id="document-text-heading" mb="xs">
            {t("placements.sign.documentText")}
          </Title>
          <Text
            component="div"
            lang={d.language}
            style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", lineHeight: 1.6 }}
          >
            {d.text}
          </Text>
        </section>
        <SignForm
          key={d.documentId}
          token={token}
          documentId={d.documentId}
          t={t}
          onSigned={onSigned}
          onExpired={() => setExpired(true)}
          onAlreadySigned={onAlreadySigned}
        />
      </Stack>
    );
  }

  return (
    <PublicPage label={t("placements.sign.title")}>
      <Stack gap="lg">
        <Title order={1} size="h2" lang={doc.data && !signed && !unusable ? doc.data.language : undefined}>
          {heading}
        </Title>
        {body}
      </Stack>
    </PublicPage>
  );
}
