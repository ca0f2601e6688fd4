import type { privacyEn } from "./privacy.en.ts";

/** Texto en español del historial de acceso de un estudiante. */
export const privacyEs: typeof privacyEn = {
  history: {
    open: "Historial",
    openLabel: "Historial del expediente de {{name}}",
    title: "Quién leyó o cambió el expediente de {{name}}",
    intro:
      "Cada consulta y cambio del expediente de este estudiante, de sus prácticas y de su documentación, por cualquier persona: el personal de su distrito y el intermediario de la región. Lo más reciente primero.",
    empty: "Nadie ha leído ni cambiado este expediente todavía.",
    caption: "{{count}} entradas de {{name}}",
    loading: "Cargando el historial del expediente de {{name}}…",
    when: "Cuándo",
    whoColumn: "Quién",
    whatColumn: "Qué",
    who: "{{name}} · {{organization}}",
    byLink: "Alguien con un enlace de un solo uso",
    what: "{{action}} · {{entity}}",
    actions: {
      read: "Consultó",
      list: "Listó",
      create: "Creó",
      update: "Cambió",
      delete: "Eliminó",
      export: "Exportó",
      import: "Importó",
      resend: "Reenvió",
      log_hours: "Registró horas",
      activate: "Activó",
      complete: "Completó",
      withdraw: "Retiró",
      insurance_override: "Registró una cláusula o exención de seguro",
    },
    entities: { student: "expediente del estudiante", placement: "práctica", document: "documentación" },
  },
};
