import { C6_INDICATOR_IDS, C6_RUBRIC, C6_STAGE_LABELS } from "@bridgework/domain";

/**
 * ConnectEd Community Framework, domain C6 (Work-Based Learning): the three indicators and the
 * rubric text of their four stages. The words live in the domain package (English and Spanish),
 * shared with the web app; the API answers with the English rubric.
 */
export const STAGE_LABELS = C6_STAGE_LABELS;
export const INDICATOR_IDS = C6_INDICATOR_IDS;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const C6_INDICATORS = INDICATOR_IDS.map((indicator) => ({ indicator, ...C6_RUBRIC.en.indicators[indicator] }));
