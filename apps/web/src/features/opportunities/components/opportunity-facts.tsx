import type { Opportunity } from "@bridgework/domain";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";

/** The opportunity at a glance, as a description list. */
export function OpportunityFacts({ opportunity: o }: { opportunity: Opportunity }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const rows: [string, string][] = [
    [t("brokering.opportunities.employer"), o.employerName],
    [t("brokering.fields.kind"), labels.kind(o.kind)],
    [t("brokering.opportunities.level"), labels.level(o.level)],
    [t("brokering.fields.sector"), labels.sector(o.sector)],
    [t("brokering.fields.modality"), labels.modality(o.modality)],
    [
      t("brokering.opportunities.seats"),
      t("brokering.opportunities.seatsOf", { left: o.seatsLeft, capacity: o.capacity }),
    ],
    [t("brokering.opportunities.startsAt"), formatDateTime(o.startsAt, i18n.language)],
    [t("brokering.opportunities.endsAt"), formatDateTime(o.endsAt, i18n.language)],
    [
      t("brokering.opportunities.location"),
      [o.location?.city, o.location?.postalCode].filter(Boolean).join(" ") || "—",
    ],
    [t("brokering.opportunities.minAge"), o.minAge === null ? "—" : String(o.minAge)],
    [t("brokering.opportunities.paid"), o.paid ? t("brokering.yes") : t("brokering.no")],
    [t("brokering.opportunities.hoursTotal"), o.hoursTotal === null ? "—" : String(o.hoursTotal)],
    [t("brokering.opportunities.requirements"), o.requirements.join(", ") || "—"],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
