import type { Machine } from "../brokering/state-machine.ts";
import type { Kind } from "../enums.ts";
import type { GuardianLanguage } from "../placements/students.ts";

/**
 * Multi-employer events (issue: mock-interview days, career fairs, competition judging): one
 * event, many volunteers from many employers, many students. A coordinator runs one for their
 * district, the intermediary for the region.
 */
export const EVENT_KINDS = [
  "mock_interviews",
  "career_fair",
  "competition_judging",
  "industry_panel",
  "advisory_meeting",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Kinds where Bridgework builds a schedule of one-to-one sessions (a student meets N volunteers
 * in time slots): interviews, and judges scoring each student's entry.
 */
export const SCHEDULED_EVENT_KINDS: readonly EventKind[] = ["mock_interviews", "competition_judging"];

export function isScheduledEvent(kind: EventKind): boolean {
  return SCHEDULED_EVENT_KINDS.includes(kind);
}

/**
 * How a student's participation counts on the continuum: the opportunity kind it is reported
 * as, so the placement report, equity and the employer engagement report read it like any other
 * experience. An advisory meeting has no students (educator track): it counts for employers only.
 */
export const EVENT_REPORT_KIND: Record<EventKind, Kind> = {
  mock_interviews: "mock_interview",
  career_fair: "career_fair",
  competition_judging: "industry_project",
  industry_panel: "guest_speaker",
  advisory_meeting: "advisory_board",
};

/** draft → open for sign-up → closed → held → archived. */
export const EVENT_STATUSES = ["draft", "open", "closed", "held", "archived"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_ACTIONS = ["open", "close", "reopen", "hold", "archive"] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const EVENT_MACHINE: Machine<EventStatus, EventAction> = {
  /** Sign-up opens: the public page takes volunteers. */
  open: { from: ["draft"], to: "open" },
  /** Sign-up closes; the schedule is final enough to print. */
  close: { from: ["open"], to: "closed" },
  reopen: { from: ["closed"], to: "open" },
  /** The day happened: participation counts in the reports, volunteers are thanked. */
  hold: { from: ["open", "closed"], to: "held" },
  archive: { from: ["draft", "held"], to: "archived" },
};

/** A volunteer's place in a role's shift. `waitlisted` moves up, first come first served, when someone cancels. */
export const VOLUNTEER_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** One line of an event's scoring rubric (e.g. "Communication", scored 1–4 with a comment). */
export interface RubricCriterion {
  key: string;
  label: string;
  description: string;
}

export interface Rubric {
  /** Inclusive score range of every criterion. */
  min: number;
  max: number;
  criteria: RubricCriterion[];
}

/** The rubric an interview-style event starts with; the coordinator may rewrite it. */
export function defaultRubric(kind: EventKind, lang: GuardianLanguage): Rubric {
  const text = DEFAULT_RUBRIC_TEXT[lang][kind === "competition_judging" ? "judging" : "interview"];
  return { min: 1, max: 4, criteria: text.map(([key, label, description]) => ({ key, label, description })) };
}

type CriterionText = readonly [key: string, label: string, description: string];

const DEFAULT_RUBRIC_TEXT: Record<GuardianLanguage, Record<"interview" | "judging", readonly CriterionText[]>> = {
  en: {
    interview: [
      ["first_impression", "First impression", "Greeting, eye contact, handshake, dress for the job"],
      ["communication", "Communication", "Clear, complete answers; listens to the question"],
      ["preparation", "Preparation", "Knows the job and the company; résumé ready"],
      ["professionalism", "Professionalism", "Attitude, examples from experience, questions for the interviewer"],
    ],
    judging: [
      ["technical_skill", "Technical skill", "Work meets the industry standard for the task"],
      ["safety", "Safety", "Safe practice and use of tools throughout"],
      ["quality", "Quality of the result", "Finish, accuracy and completeness"],
      ["explanation", "Explanation", "Explains the choices made and what they would do differently"],
    ],
  },
  es: {
    interview: [
      ["first_impression", "Primera impresión", "Saludo, contacto visual, apretón de manos, vestimenta adecuada"],
      ["communication", "Comunicación", "Respuestas claras y completas; escucha la pregunta"],
      ["preparation", "Preparación", "Conoce el puesto y la empresa; currículum listo"],
      ["professionalism", "Profesionalismo", "Actitud, ejemplos de su experiencia, preguntas para quien entrevista"],
    ],
    judging: [
      ["technical_skill", "Destreza técnica", "El trabajo cumple el estándar de la industria para la tarea"],
      ["safety", "Seguridad", "Práctica segura y uso correcto de las herramientas"],
      ["quality", "Calidad del resultado", "Acabado, precisión y trabajo completo"],
      ["explanation", "Explicación", "Explica sus decisiones y qué haría diferente"],
    ],
  },
};

/** A volunteer's hours for the thank-you email and the hours-per-employer export: the shift, in hours, to the quarter. */
export function shiftHours(startsAt: Date, endsAt: Date): number {
  return Math.round(((endsAt.getTime() - startsAt.getTime()) / 3_600_000) * 4) / 4;
}
