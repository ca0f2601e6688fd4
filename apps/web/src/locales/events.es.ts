import type { eventsEn } from "./events.en.ts";

/** Spanish text of multi-employer events; the same keys as events.en.ts. */
export const eventsEs: typeof eventsEn = {
  kinds: {
    mock_interviews: "Jornada de entrevistas de práctica",
    career_fair: "Feria de carreras",
    competition_judging: "Jurado de competencia",
    industry_panel: "Panel de la industria",
    advisory_meeting: "Reunión del consejo asesor",
  },
  statuses: {
    draft: "Borrador",
    open: "Inscripción abierta",
    closed: "Inscripción cerrada",
    held: "Realizado",
    archived: "Archivado",
  },
  volunteerStatuses: { confirmed: "Confirmado", waitlisted: "Lista de espera", cancelled: "Cancelado" },
  tabs: {
    label: "Secciones del evento",
    overview: "Resumen y voluntarios",
    schedule: "Estudiantes y horario",
    day: "Día del evento",
  },
  loadFailed: "No se pudo cargar el evento.",
};
