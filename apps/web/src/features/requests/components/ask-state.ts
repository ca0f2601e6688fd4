import type { MatchStatus } from "@bridgework/domain";
import type { TFunction } from "i18next";
import { formatDateTime } from "../../../lib/format.ts";

/** Where an ask stands, in words a teacher reads: "Waiting for Valley Medical Center to answer", "Scheduled for …". */
export function askState(
  t: TFunction,
  language: string,
  ask: { status: MatchStatus; employerName: string; scheduledAt: string | null },
): string {
  return t(`asks.state.${ask.status}`, { employer: ask.employerName, when: formatDateTime(ask.scheduledAt, language) });
}
