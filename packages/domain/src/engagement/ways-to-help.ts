import type { Kind } from "../enums.ts";
import type { GuardianLanguage } from "../placements/students.ts";

/**
 * The menu a company picks from on the public "Get involved" page: the continuum's asks from the
 * smallest (an hour with a class) to the largest (a summer teacher externship). Each becomes a
 * standing offer of its kind once the intermediary approves the company.
 */
export const WAYS_TO_HELP = [
  "class_talk",
  "tour",
  "mock_interviews_or_judging",
  "advisory_board",
  "job_shadows",
  "internships",
  "teacher_externship",
] as const;
export type WayToHelp = (typeof WAYS_TO_HELP)[number];

/** The opportunity kind each way to help becomes (its continuum level follows from the kind). */
export const WAY_KIND: Record<WayToHelp, Kind> = {
  class_talk: "guest_speaker",
  tour: "industry_tour",
  mock_interviews_or_judging: "mock_interview",
  advisory_board: "advisory_board",
  job_shadows: "job_shadow",
  internships: "internship",
  teacher_externship: "teacher_externship",
};

/** Company size bands on the form (employees). */
export const COMPANY_SIZES = ["1-9", "10-49", "50-249", "250-999", "1000+"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/**
 * A public submission's life: `unconfirmed` until the contact clicks the emailed link (only then
 * does it reach the intermediary's queue as `waiting`), then one decision.
 */
export const INTEREST_STATUSES = ["unconfirmed", "waiting", "approved", "merged", "declined"] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export interface WayToHelpText {
  title: string;
  description: string;
  /** The time it asks of the company, in plain words. */
  time: string;
}

/** What a company reads for each way to help, in English and Spanish (the public page and emails). */
export const WAY_TO_HELP_TEXT: Record<GuardianLanguage, Record<WayToHelp, WayToHelpText>> = {
  en: {
    class_talk: {
      title: "Talk to a class",
      description: "Tell students what your work is like and how you got there, in person or by video.",
      time: "About 1 hour",
    },
    tour: {
      title: "Host a tour",
      description: "Show a class your workplace and the people and jobs in it.",
      time: "2–3 hours",
    },
    mock_interviews_or_judging: {
      title: "Be a mock interviewer or competition judge",
      description: "Interview students for practice, or judge their projects against industry standards.",
      time: "A half day",
    },
    advisory_board: {
      title: "Sit on a pathway advisory board",
      description: "Help teachers keep a career pathway's skills and equipment current.",
      time: "2–4 meetings a year",
    },
    job_shadows: {
      title: "Host job shadows",
      description: "Let a student follow one of your people through a working day.",
      time: "A half or full day per student",
    },
    internships: {
      title: "Host interns",
      description: "Give a student real work with a supervisor, paid or unpaid.",
      time: "60–180 hours over a term",
    },
    teacher_externship: {
      title: "Host a teacher externship",
      description: "A teacher works alongside your team to bring today's industry back to class.",
      time: "1–4 weeks, usually in summer",
    },
  },
  es: {
    class_talk: {
      title: "Hablar con una clase",
      description: "Cuente a los estudiantes cómo es su trabajo y cómo llegó a él, en persona o por video.",
      time: "Alrededor de 1 hora",
    },
    tour: {
      title: "Ofrecer una visita",
      description: "Muestre a una clase su lugar de trabajo y las personas y puestos que hay en él.",
      time: "2–3 horas",
    },
    mock_interviews_or_judging: {
      title: "Hacer entrevistas de práctica o ser jurado",
      description: "Entreviste a estudiantes para practicar, o evalúe sus proyectos según los estándares del sector.",
      time: "Media jornada",
    },
    advisory_board: {
      title: "Formar parte de un consejo asesor",
      description: "Ayude al profesorado a mantener al día las habilidades y el equipo de una trayectoria profesional.",
      time: "2–4 reuniones al año",
    },
    job_shadows: {
      title: "Recibir estudiantes de observación",
      description: "Permita que un estudiante acompañe a una persona de su equipo durante una jornada.",
      time: "Media jornada o una jornada por estudiante",
    },
    internships: {
      title: "Recibir practicantes",
      description: "Dé a un estudiante trabajo real con un supervisor, remunerado o no.",
      time: "60–180 horas durante un trimestre",
    },
    teacher_externship: {
      title: "Recibir a un docente en prácticas",
      description: "Un docente trabaja con su equipo para llevar a clase la realidad actual del sector.",
      time: "1–4 semanas, normalmente en verano",
    },
  },
};
