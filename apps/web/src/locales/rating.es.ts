import type { ratingEn } from "./rating.en.ts";

/** Spanish text of completing and rating a visit; the type keeps the keys in step with English. */
export const ratingEs: typeof ratingEn = {
  section: "¿Cómo le fue?",
  attended: "Estudiantes que asistieron",
  complete: {
    title: "Marcar como completada",
    intro:
      "Una vez realizada la visita, registre cuántos estudiantes asistieron. Después, los docentes y el empleador podrán calificarla.",
    attendance: "Estudiantes que asistieron",
    attendanceHint: "La solicitud era para {{students}} estudiantes ({{seats}} plazas).",
    submit: "Marcar como completada",
    done: "Marcada como completada: asistieron {{attended}} estudiantes.",
    notYet: "Podrá marcarla como completada cuando se haya realizado ({{when}}).",
    attendanceRequired: "Indique cuántos estudiantes asistieron (0 o más).",
    attendanceWhole: "Indique un número entero de estudiantes entre 0 y 1000.",
  },
  waiting: {
    school: "La opinión se abre cuando la escuela marque la visita como completada.",
  },
  form: {
    title: "Su opinión",
    rating: "Su calificación",
    ratingHint: "1 es mala, 5 es excelente.",
    ratings: {
      "1": "1 – Mala",
      "2": "2 – Regular",
      "3": "3 – Buena",
      "4": "4 – Muy buena",
      "5": "5 – Excelente",
    },
    ratingRequired: "Elija una calificación del 1 al 5.",
    hostAgainTeacher: "¿La volvería a reservar?",
    hostAgainEmployer: "¿La volvería a recibir?",
    hostAgainRequired: "Responda sí o no.",
    yes: "Sí",
    no: "No",
    comment: "Comentario (opcional)",
    commentHint: "¿Qué salió bien y qué debería cambiar la próxima vez?",
    commentTooLong: "El comentario debe tener menos de 2000 caracteres.",
    submit: "Enviar opinión",
    done: "Gracias: su opinión quedó guardada.",
  },
  given: {
    title: "Opiniones recibidas",
    none: "Todavía no hay opiniones.",
    hidden_one: "Hay {{count}} respuesta de la otra parte: la verá cuando dé la suya.",
    hidden_other: "Hay {{count}} respuestas de la otra parte: las verá cuando dé la suya.",
    by: "{{name}} ({{role}})",
    roles: { teacher: "docente", employer: "empleador" },
    ratingOf: "Calificación: {{rating}} de 5",
    hostAgainTeacher: "La volvería a reservar: {{answer}}",
    hostAgainEmployer: "La volvería a recibir: {{answer}}",
    on: "Dada el {{when}}",
  },
};
