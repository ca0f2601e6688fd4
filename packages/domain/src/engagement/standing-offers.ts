import { type Kind, levelOf, type Level, type Modality, type Sector } from "../enums.ts";
import { LABELS } from "../labels.ts";
import type { GuardianLanguage } from "../placements/students.ts";
import { WAY_KIND, WAY_TO_HELP_TEXT, type WayToHelp } from "./ways-to-help.ts";

/** Seats a standing offer starts with, by kind: a class for a talk, one intern, one teacher. */
export const STANDING_OFFER_CAPACITY: Partial<Record<Kind, number>> = {
  guest_speaker: 30,
  industry_tour: 20,
  mock_interview: 10,
  advisory_board: 1,
  job_shadow: 2,
  internship: 1,
  teacher_externship: 1,
};

export interface StandingOfferFacts {
  company: string;
  sector: Sector;
  /** The company's preferred modality; null = in person. */
  modality: Modality | null;
  /** Preferred months 1–12; empty = any. */
  months: readonly number[];
  city: string | null;
  postalCode: string | null;
  /** The company's language: the offer is written in it. */
  language: GuardianLanguage;
}

export interface StandingOfferDraft {
  kind: Kind;
  level: Level;
  sector: Sector;
  title: string;
  description: string;
  modality: Modality;
  capacity: number;
  city: string | null;
  postalCode: string | null;
}

const MONTHS_LABEL: Record<GuardianLanguage, string> = { en: "Preferred months", es: "Meses preferidos" };
const TIME_LABEL: Record<GuardianLanguage, string> = { en: "Time needed", es: "Tiempo necesario" };

/**
 * The draft opportunity one chosen way to help becomes (a "standing offer"): its kind and level,
 * the company's first sector and modality, a title such as "Guest speaker — Acme" and the way's
 * plain description, time and preferred months, in the company's language. The employer reviews
 * and publishes it.
 */
export function standingOfferDraft(way: WayToHelp, f: StandingOfferFacts): StandingOfferDraft {
  const kind = WAY_KIND[way];
  const text = WAY_TO_HELP_TEXT[f.language][way];
  const months = [...new Set(f.months)]
    .filter((m) => m >= 1 && m <= 12)
    .sort((a, b) => a - b)
    .map((m) =>
      new Intl.DateTimeFormat(f.language === "es" ? "es-US" : "en-US", { month: "long", timeZone: "UTC" }).format(
        new Date(Date.UTC(2000, m - 1, 15)),
      ),
    );
  const lines = [text.description, `${TIME_LABEL[f.language]}: ${text.time}.`];
  if (months.length > 0) lines.push(`${MONTHS_LABEL[f.language]}: ${months.join(", ")}.`);
  return {
    kind,
    level: levelOf(kind),
    sector: f.sector,
    title: `${LABELS[f.language].kinds[kind]} — ${f.company}`.slice(0, 200),
    description: lines.join("\n"),
    modality: f.modality ?? "in_person",
    capacity: STANDING_OFFER_CAPACITY[kind] ?? 1,
    city: f.city,
    postalCode: f.postalCode,
  };
}
