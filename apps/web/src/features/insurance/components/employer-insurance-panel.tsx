import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDate } from "../../../lib/format.ts";
import {
  type Certificate,
  type CertificateFile,
  downloadCertificate,
  useEmployerInsurance,
} from "../api/employer-insurance.ts";
import { CertificateForm } from "./certificate-form.tsx";
import { CertificateStatusBadge } from "./status-badge.tsx";
import "../../../styles/insurance.css";

function useMoney() {
  const { i18n } = useTranslation();
  const formatter = new Intl.NumberFormat(i18n.language, {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 0,
  });
  return (n: number) => formatter.format(n);
}

function DownloadButton({ certificate }: { certificate: Certificate & { file: CertificateFile } }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setFailure(null);
    setBusy(true);
    try {
      await downloadCertificate(certificate);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="xs"
        variant="light"
        loading={busy}
        onClick={() => void download()}
        aria-label={t("insurance.history.downloadLabel", { name: certificate.file.name })}
      >
        {t("insurance.history.download")}
      </Button>
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {certificate.file.name}
      </Text>
      {failure ? <ErrorAlert error={failure} /> : null}
    </Stack>
  );
}

/**
 * One employer's insurance: the status that counts (the newest certificate), the form to file a
 * new one (for those who may), and every certificate filed with its file to download.
 */
export function EmployerInsurancePanel({ employerId, canFile }: { employerId: string; canFile: boolean }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const insurance = useEmployerInsurance(employerId);
  if (insurance.isPending) return <PageLoader />;
  if (insurance.isError) return <ErrorAlert error={insurance.error} onRetry={() => void insurance.refetch()} />;
  const { status, certificate, history } = insurance.data;
  const lang = i18n.language;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="insurance-status-title">
        <Group gap="sm" wrap="wrap" mb={6}>
          <Title order={2} size="h4" id="insurance-status-title">
            {t("insurance.status.heading")}
          </Title>
          <CertificateStatusBadge status={status} />
        </Group>
        <Text>
          {certificate
            ? t(`insurance.status.${status === "missing" ? "valid" : status}`, {
                date: formatDate(certificate.expiresOn, lang),
                carrier: certificate.carrier,
                policy: certificate.policyNumber,
              })
            : t("insurance.status.missing")}
        </Text>
      </Paper>

      {canFile ? <CertificateForm employerId={employerId} /> : null}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="insurance-history-title">
        <Title order={2} size="h4" id="insurance-history-title" mb="sm">
          {t("insurance.history.title")}
        </Title>
        {history.length === 0 ? (
          <Text c="dimmed">{t("insurance.history.empty")}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {history.map((c, i) => (
              <Paper component="li" key={c.id} withBorder radius="sm" p="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0, flex: "1 1 200px" }}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                        {c.carrier}
                      </Text>
                      <CertificateStatusBadge status={c.status} />
                      {i === 0 ? (
                        <Text size="xs" c="dimmed">
                          {t("insurance.history.latest")}
                        </Text>
                      ) : null}
                    </Group>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {t("insurance.history.policy", { policy: c.policyNumber })} ·{" "}
                      {t("insurance.history.coverage", { amount: money(c.coverageAmount) })} ·{" "}
                      {t("insurance.history.expires", { date: formatDate(c.expiresOn, lang) })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("insurance.history.filed", { date: formatDate(c.createdAt, lang) })}
                    </Text>
                  </Stack>
                  {c.file ? (
                    <DownloadButton certificate={{ ...c, file: c.file }} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("insurance.history.noFile")}
                    </Text>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
