import type { formsEn } from "./forms.en.ts";

/** Texto en español de las piezas comunes de los formularios (selectores con búsqueda). */
export const formsEs: typeof formsEn = {
  chooser: {
    placeholder: "Escriba para buscar",
    searching: "Buscando…",
    nothing: "No hay coincidencias. Pruebe con otra parte del nombre.",
    more: "Se muestran {{shown}} de {{total}}; escriba más del nombre para acotar la lista.",
  },
  placement: {
    opportunityHint:
      "Tipos de colocación (observación laboral, prácticas, aprendizaje…) publicados y con plazas libres, por empleador.",
    studentHint: "Escriba parte del nombre o el id local.",
    seats_one: "Queda {{count}} plaza",
    seats_other: "Quedan {{count}} plazas",
  },
};
