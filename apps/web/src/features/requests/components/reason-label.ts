import type { Reason } from "@bridgework/domain";
import type { TFunction } from "i18next";
import { labelsFor } from "../../../lib/labels.ts";

/**
 * A suggestion's reason in the interface's language, worded from its code and params (the
 * server's `label` follows the account's saved language, which may differ from the one picked
 * on this screen). Counts pick the plural form through i18next.
 */
export function reasonLabel(t: TFunction, language: string, reason: Reason): string {
  const labels = labelsFor(language);
  const key = `brokering.requests.reasons.${reason.code}` as const;
  switch (reason.code) {
    case "sector_match":
      return t(key, { sector: labels.sectors[reason.params.sector] });
    case "similar_kind":
      return t(key, { kind: labels.kinds[reason.params.kind] });
    case "dates_overlap":
      return t(key, { count: reason.params.overlapDays });
    case "modality_exact":
      return t(key, { modality: labels.modalities[reason.params.modality].toLocaleLowerCase(labels.language) });
    case "same_city":
      return t(key, { city: reason.params.city });
    case "host_again":
      return t(key, { yes: reason.params.yes, count: reason.params.answers });
    case "asked_often":
      return t(key, { count: reason.params.asks });
    case "ask_cap_reached":
      return t(key, { count: reason.params.asks, cap: reason.params.cap });
    default:
      return t(key);
  }
}
