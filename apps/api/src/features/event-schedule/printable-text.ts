import type { GuardianLanguage } from "@bridgework/domain";

/** The words of the printables, in the requester's language. */
export const PRINT_TEXT = {
  en: {
    table: (station: string) => `Table ${station}`,
    scheduleFor: { student: "Student schedule", volunteer: "Interviewer schedule", station: "Table schedule" },
    columns: {
      student: ["Time", "Table", "Interviewer", "Employer"],
      volunteer: ["Time", "Student", "School", ""],
      station: ["Time", "Interviewer", "Student", "School"],
    },
    empty: "The schedule has not been built yet.",
    student: "Student",
    rubricTitle: "Rubric results",
    interviewer: "Interviewer",
    employer: "Employer",
    comment: "Comment",
    average: "Average",
    notScored: "Not scored",
    studentAverage: "Average of all interviews",
    noResults: "No students.",
  },
  es: {
    table: (station: string) => `Mesa ${station}`,
    scheduleFor: {
      student: "Horario del estudiante",
      volunteer: "Horario de quien entrevista",
      station: "Horario de la mesa",
    },
    columns: {
      student: ["Hora", "Mesa", "Entrevistador/a", "Empleador"],
      volunteer: ["Hora", "Estudiante", "Escuela", ""],
      station: ["Hora", "Entrevistador/a", "Estudiante", "Escuela"],
    },
    empty: "El horario todavía no se ha armado.",
    student: "Estudiante",
    rubricTitle: "Resultados de la rúbrica",
    interviewer: "Entrevistador/a",
    employer: "Empleador",
    comment: "Comentario",
    average: "Promedio",
    notScored: "Sin calificar",
    studentAverage: "Promedio de todas las entrevistas",
    noResults: "No hay estudiantes.",
  },
} as const satisfies Record<GuardianLanguage, unknown>;
