import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CertificateStatus } from "../api/get-insurance.ts";

const COLORS: Record<CertificateStatus, string> = { valid: "green.9", expiring: "yellow.9", expired: "red.9", missing: "gray.8" };

/** A certificate's status in words: current, expiring within 30 days, expired or none. */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status]} radius="sm" tt="none" fw={600} style={{ whiteSpace: "normal", height: "auto" }}>
      {t(`insurance.statuses.${status}`)}
    </Badge>
  );
}
