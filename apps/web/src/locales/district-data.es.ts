import type { districtDataEn } from "./district-data.en.ts";

/** Spanish text of the District data page. */
export const districtDataEs: typeof districtDataEn = {
  title: "Datos del distrito",
  intro:
    "Todo lo que Bridgework guarda sobre los estudiantes de un distrito, en manos del distrito: un ZIP con archivos CSV y JSON (estudiantes con tutores y datos demográficos, prácticas, documentos con los PDF firmados, horas, evaluaciones y el registro de auditoría de sus expedientes).",
  district: "Distrito",
  chooseDistrict: "Elija un distrito",
  exportHeading: "Exportar los datos del distrito",
  exportHelp:
    "La exportación se prepara en segundo plano; puede salir de esta página. Recibirá un correo cuando esté lista. Se puede descargar durante {{days}} días; después se elimina.",
  export: "Exportar los datos de {{district}}",
  exporting: "Exportación en curso: {{step}}",
  progressLabel: "Progreso de la exportación",
  ready: "La exportación está lista.",
  failed: "La exportación falló. Inténtelo de nuevo; si vuelve a fallar, avise a su intermediario.",
  download: "Descargar el ZIP ({{size}})",
  recentHeading: "Exportaciones recientes",
  recentEmpty: "Todavía no hay exportaciones de este distrito.",
  caption: "Las exportaciones del distrito, las más recientes primero",
  requested: "Pedida",
  by: "Por",
  status: "Estado",
  size: "Tamaño",
  available: "Disponible hasta",
  file: "Archivo",
  downloadRow: "Descargar",
  downloadRowLabel: "Descargar la exportación del {{when}}",
  expired: "Eliminada",
  statuses: { queued: "En espera", running: "En curso", done: "Lista", failed: "Falló" },
  steps: {
    queued: "esperando para empezar",
    students: "estudiantes",
    placements: "prácticas",
    documents: "documentos y PDF firmados",
    hours: "horas",
    evaluations: "evaluaciones",
    audit: "registro de auditoría",
    packing: "preparando el ZIP",
    done: "terminada",
  },
  privacy:
    "El archivo contiene datos personales de menores. Guárdelo donde su distrito guarda los expedientes estudiantiles; cada descarga queda en el registro de auditoría.",
};
