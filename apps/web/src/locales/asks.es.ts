import type { asksEn } from "./asks.en.ts";

/** Textos en español de pedidos y solicitudes; mismas claves que asks.en.ts. */
export const asksEs: typeof asksEn = {
  card: {
    window: "Periodo del docente",
    grades: "Grados",
    students: "Estudiantes",
    format: "Formato",
    notes: "Notas del docente",
  },
  accept: {
    label: "Fecha y hora (opcional)",
    windowHint:
      "Elija una hora entre el {{start}} y el {{end}} (el periodo del docente), hora de {{zone}}. Fíjela ahora para programar la visita y enviar invitaciones de calendario, o déjela para más tarde.",
  },
  state: {
    proposed: "Esperando a que el coordinador apruebe pedírselo a {{employer}}",
    approved: "Esperando la respuesta de {{employer}}",
    accepted: "Aceptado por {{employer}}: aún sin fecha",
    scheduled: "Programado para el {{when}} con {{employer}}",
    completed: "Realizado con {{employer}}",
    declined: "Rechazado por {{employer}}",
    cancelled: "Cancelado (pedido a {{employer}})",
  },
  requests: {
    asks: "Pedidos",
    noAsks: "Aún sin pedidos",
    where: "En qué punto está",
    matched: "Un empleador aceptó esta solicitud; vea las fechas arriba. Si necesita más, aún puede pedírselo a otro.",
    noOtherSuggestions: "Ninguna otra oportunidad publicada se ajusta a esta solicitud.",
  },
  cancel: {
    button: "Cancelar solicitud",
    title: "¿Cancelar esta solicitud?",
    body: "Se retiran sus pedidos abiertos y se anula cualquier visita programada. No se puede deshacer.",
    reason: "Motivo (opcional)",
    reasonHint: "Su coordinador y los empleadores a los que pidió pueden leerlo.",
    confirm: "Cancelar la solicitud",
    keep: "Conservarla",
    done: "La solicitud está cancelada.",
  },
  suggestion: {
    notBookable: "No se puede pedir ahora",
    capReached:
      "{{employer}} ya recibió todos los pedidos acordados para este mes, así que no se le puede pedir ahora. Elija otra sugerencia o espere al mes que viene.",
  },
};
