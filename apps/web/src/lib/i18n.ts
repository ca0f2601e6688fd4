import i18n from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";
import type { en } from "../locales/en.ts";

export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "es", label: "Español" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

const STORAGE_KEY = "bridgework.language";

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "en" || stored === "es") return stored;
  } catch {}
  return typeof navigator !== "undefined" && navigator.language?.toLowerCase().startsWith("es") ? "es" : "en";
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

/**
 * Each language's text is its own chunk, loaded when that language is first used: a visitor
 * downloads one language, not both (a third of the first page's script was the two locales).
 * `changeLanguage` waits for the chunk before it switches, so the old language stays on screen
 * meanwhile and nothing suspends. No fallback language: es.ts has every key of en.ts (the type
 * checks it), and a fallback would download English for every Spanish reader too.
 */
const loadLanguage = resourcesToBackend((language: string) =>
  language === "es" ? import("../locales/es.ts").then((m) => m.es) : import("../locales/en.ts").then((m) => m.en),
);

const firstLanguage = initialLanguage();

/** Resolves once the first language is loaded; the app renders after it (main.tsx). */
export const i18nReady = i18n
  .use(loadLanguage)
  .use(initReactI18next)
  .init({
    lng: firstLanguage,
    fallbackLng: false,
    supportedLngs: ["en", "es"],
    load: "languageOnly",
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });

/** Screen readers pick their voice from <html lang>, so it follows the chosen language. */
function syncDocument(lng: string) {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
}
// The language the page is being shown in, at once: i18n.language is only set once that
// language's chunk has loaded, and until then <html lang> read "undefined".
syncDocument(firstLanguage);
i18n.on("languageChanged", (lng) => {
  syncDocument(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {}
});

export { i18n };
