import type { Opportunity, Reason } from "@bridgework/domain";
import type { TFunction } from "i18next";
import { labelsFor } from "../../../lib/labels.ts";

/**
 * The server words each reason in English. In another language the code picks a translated
 * sentence, with the numbers taken from the server's label and names from the opportunity.
 */
export function reasonLabel(t: TFunction, language: string, reason: Reason, opportunity: Opportunity): string {
  if (language.startsWith("en")) return reason.label;
  const labels = labelsFor(language);
  const [a, b] = reason.label.match(/\d+/g) ?? [];
  return t(`brokering.requests.reasons.${reason.code}`, {
    sector: labels.sector(opportunity.sector),
    modality: labels.modality(opportunity.modality),
    city: opportunity.location?.city ?? "",
    a,
    b,
    defaultValue: reason.label,
  });
}
