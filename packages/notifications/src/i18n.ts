import { createInstance, type TFunction } from "i18next";
import type { Language } from "./types.ts";

/**
 * One i18next instance for every message. Each message kind defines its own strings (a
 * namespace) next to its builder with `defineStrings`; plurals use i18next's `_one` / `_other`
 * keys with `count` (Intl.PluralRules underneath), never hand-written "s" endings.
 */
const i18n = createInstance();
void i18n.init({
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "es"],
  resources: {},
  // React escapes everything the HTML shows; the text part must not carry entities.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

type Strings = { [key: string]: string | Strings };

/** Registers a namespace's English and Spanish strings; returns its translator for a language. */
export function defineStrings<T extends Strings>(
  namespace: string,
  strings: { en: T; es: T },
): (language: Language) => TFunction {
  i18n.addResourceBundle("en", namespace, strings.en, true, true);
  i18n.addResourceBundle("es", namespace, strings.es, true, true);
  return (language) => i18n.getFixedT(language, namespace);
}
