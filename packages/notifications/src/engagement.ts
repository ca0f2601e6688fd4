import { type Kind, LABELS } from "@bridgework/domain";
import { defineStrings } from "./i18n.ts";
import type { Language } from "./types.ts";

const strings = defineStrings("engagement", {
  en: {
    what_one: "{{kind}} with {{employer}} for {{count}} student of {{school}}",
    what_other: "{{kind}} with {{employer}} for {{count}} students of {{school}}",
    summary: "{{kind}}: {{title}} ({{school}})",
  },
  es: {
    what_one: "{{kind}} con {{employer}} para {{count}} estudiante de {{school}}",
    what_other: "{{kind}} con {{employer}} para {{count}} estudiantes de {{school}}",
    summary: "{{kind}}: {{title}} ({{school}})",
  },
});

/** The facts that say what an engagement is: one sentence shared by match emails and reminders. */
export interface EngagementFacts {
  kind: Kind;
  title: string;
  employer: string;
  school: string;
  students: number;
}

/** "Guest speaker with Valley Medical Center for 25 students of Valley High" in the reader's language. */
export function engagementWhat(f: EngagementFacts, language: Language): string {
  return strings(language)("what", {
    kind: LABELS[language].kinds[f.kind],
    employer: f.employer,
    school: f.school,
    count: f.students,
  });
}

/** The calendar entry's title: "Guest speaker: Careers in nursing (Valley High)". */
export function engagementSummary(f: EngagementFacts, language: Language): string {
  return strings(language)("summary", { kind: LABELS[language].kinds[f.kind], title: f.title, school: f.school });
}

/** A kind's name in a language ("Guest speaker" / "Charla de un profesional"). */
export const kindLabel = (kind: Kind, language: Language) => LABELS[language].kinds[kind];
