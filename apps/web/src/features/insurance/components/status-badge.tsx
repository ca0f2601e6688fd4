import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CertificateStatus } from "../api/get-insurance.ts";

const COLORS: Record<CertificateStatus, string> = {
  valid: "green",
  expiring: "yellow",
  expired: "red",
  missing: "gray",
};

/** A certificate's status in words: current, expiring within 30 days, expired or none. */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={COLORS[status]}
      radius="sm"
      tt="none"
      fw={600}
      style={{ whiteSpace: "normal", height: "auto" }}
    >
      {t(`insurance.statuses.${status}`)}
    </Badge>
  );
}
