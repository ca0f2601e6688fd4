import { z } from "zod";
import { KINDS, MODALITIES, SECTORS } from "../enums.ts";
import { LABELS } from "../labels.ts";
import type { GuardianLanguage } from "../placements/students.ts";

const count = z.number().int().min(0);

/**
 * Why an opportunity was suggested, as data: a code and the facts behind it (`params`), so a
 * client can word it itself; `label` is the server's wording in the caller's language.
 */
const REASON_PARAMS = {
  sector_match: z.object({ sector: z.enum(SECTORS) }),
  same_kind: z.object({ kind: z.enum(KINDS) }),
  similar_kind: z.object({ kind: z.enum(KINDS), requestedKind: z.enum(KINDS) }),
  /** Calendar days (UTC) the opportunity's dates share with the request's window. */
  dates_within: z.object({ overlapDays: count }),
  dates_overlap: z.object({ overlapDays: count, windowDays: count }),
  ongoing: z.object({}),
  modality_exact: z.object({ modality: z.enum(MODALITIES) }),
  modality_compatible: z.object({ requested: z.enum(MODALITIES), offered: z.enum(MODALITIES) }),
  same_city: z.object({ city: z.string() }),
  /** Past engagements whose host said they would host again, of those answered. */
  host_again: z.object({ yes: count, answers: count }),
  new_employer: z.object({}),
  /** Approved asks this calendar month, and the employer's monthly cap (null: no cap). */
  asked_often: z.object({ asks: count, cap: count.nullable() }),
  ask_cap_reached: z.object({ asks: count, cap: count }),
  duplicate_ask: z.object({}),
} as const;

export type ReasonCode = keyof typeof REASON_PARAMS;
export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[];
export type ReasonParams<C extends ReasonCode> = z.infer<(typeof REASON_PARAMS)[C]>;

/** A reason as the scorer gives it: code and facts, no words yet. */
export type ReasonFact = { [C in ReasonCode]: { code: C; params: ReasonParams<C> } }[ReasonCode];

const reasonSchema = <C extends ReasonCode>(code: C) =>
  z.object({ code: z.literal(code), params: REASON_PARAMS[code], label: z.string() });

export const Reason = z.discriminatedUnion("code", [
  reasonSchema("sector_match"),
  reasonSchema("same_kind"),
  reasonSchema("similar_kind"),
  reasonSchema("dates_within"),
  reasonSchema("dates_overlap"),
  reasonSchema("ongoing"),
  reasonSchema("modality_exact"),
  reasonSchema("modality_compatible"),
  reasonSchema("same_city"),
  reasonSchema("host_again"),
  reasonSchema("new_employer"),
  reasonSchema("asked_often"),
  reasonSchema("ask_cap_reached"),
  reasonSchema("duplicate_ask"),
]);
export type Reason = z.infer<typeof Reason>;

type Wording = { [C in ReasonCode]: (p: ReasonParams<C>) => string };
const times = (n: number) => `${n} time${n === 1 ? "" : "s"}`;
const veces = (n: number) => `${n} ${n === 1 ? "vez" : "veces"}`;
const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const dias = (n: number) => `${n} día${n === 1 ? "" : "s"}`;

const WORDING: Record<GuardianLanguage, Wording> = {
  en: {
    sector_match: (p) => `Same sector: ${LABELS.en.sectors[p.sector]}`,
    same_kind: () => "Exactly the kind you asked for",
    similar_kind: (p) => `A similar kind of experience (${LABELS.en.kinds[p.kind]})`,
    dates_within: () => "Dates fall inside your window",
    dates_overlap: (p) => `Dates partly overlap your window (${days(p.overlapDays)} in common)`,
    ongoing: () => "Available any time (no fixed dates)",
    modality_exact: (p) => `Same format (${LABELS.en.modalities[p.modality].toLowerCase()})`,
    modality_compatible: () => "Format can work (hybrid)",
    same_city: (p) => `In ${p.city}, near your school`,
    host_again: (p) => `Would host again in ${p.yes} of ${p.answers} past engagement${p.answers === 1 ? "" : "s"}`,
    new_employer: () => "No history yet: a chance to grow a new partner",
    asked_often: (p) => `Asked ${times(p.asks)} this month already`,
    ask_cap_reached: (p) => `Already asked ${times(p.asks)} this month (cap ${p.cap})`,
    duplicate_ask: () =>
      "Another teacher already has an open ask with this employer for this kind and time: consider combining",
  },
  es: {
    sector_match: (p) => `Mismo sector: ${LABELS.es.sectors[p.sector]}`,
    same_kind: () => "Exactamente el tipo que pidió",
    similar_kind: (p) => `Un tipo de experiencia parecido (${LABELS.es.kinds[p.kind]})`,
    dates_within: () => "Las fechas caen dentro de su periodo",
    dates_overlap: (p) => `Las fechas coinciden en parte con su periodo (${dias(p.overlapDays)} en común)`,
    ongoing: () => "Disponible en cualquier momento (sin fechas fijas)",
    modality_exact: (p) => `Mismo formato (${LABELS.es.modalities[p.modality].toLowerCase()})`,
    modality_compatible: () => "El formato puede servir (híbrido)",
    same_city: (p) => `En ${p.city}, cerca de su escuela`,
    host_again: (p) =>
      `Volvería a recibir estudiantes en ${p.yes} de ${p.answers} experiencia${p.answers === 1 ? "" : "s"} anterior${p.answers === 1 ? "" : "es"}`,
    new_employer: () => "Sin historial todavía: una ocasión de sumar un nuevo socio",
    asked_often: (p) => `Ya se le pidió ${veces(p.asks)} este mes`,
    ask_cap_reached: (p) => `Ya se le pidió ${veces(p.asks)} este mes (límite ${p.cap})`,
    duplicate_ask: () =>
      "Otro docente ya tiene una petición abierta con este empleador para este tipo y fechas: considere combinarlas",
  },
};

/** The reason in words, in `language`. */
export function labelReason(reason: ReasonFact, language: GuardianLanguage): Reason {
  const word = WORDING[language][reason.code] as (p: ReasonFact["params"]) => string;
  return { ...reason, label: word(reason.params) } as Reason;
}
