import { LABELS, type Labels, sectorLabel } from "@bridgework/domain";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** The interface languages the shared labels exist in; anything else reads English. */
type LabelLanguage = keyof typeof LABELS;

export interface UiLabels extends Labels {
  language: LabelLanguage;
  /** A sector's name; free text from older data as it was written. */
  sector(name: string): string;
  /** A kind, level, modality or document code that came over the wire as a plain string; unknown codes as they are. */
  kind(code: string): string;
  level(code: string): string;
  modality(code: string): string;
  document(code: string): string;
}

const lookup = (table: Record<string, string>) => (code: string) => table[code] ?? code;

function labelLanguage(language: string): LabelLanguage {
  return language.toLowerCase().startsWith("es") ? "es" : "en";
}

/**
 * The words for the product's codes (kinds, continuum levels, sectors, modalities, documents) in
 * one interface language. They come from `LABELS` in the domain package, the same source the
 * emails use, so a sector or a document reads the same on the page and in the inbox.
 */
export function labelsFor(language: string): UiLabels {
  const lang = labelLanguage(language);
  const labels = LABELS[lang];
  return {
    ...labels,
    language: lang,
    sector: (name) => sectorLabel(name, lang),
    kind: lookup(labels.kinds),
    level: lookup(labels.levels),
    modality: lookup(labels.modalities),
    document: lookup(labels.documents),
  };
}

/** `labelsFor` the current interface language; components re-render when the language changes. */
export function useLabels(): UiLabels {
  const { i18n } = useTranslation();
  return useMemo(() => labelsFor(i18n.language), [i18n.language]);
}
