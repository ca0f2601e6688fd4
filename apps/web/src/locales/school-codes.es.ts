import type { schoolCodesEn } from "./school-codes.en.ts";

/** Spanish text of adding and editing a school; the type keeps the keys in step with English. */
export const schoolCodesEs: typeof schoolCodesEn = {
  localCode: "Código local",
  localCodeHint:
    "Opcional. El código local o CDS de la escuela; una importación de estudiantes puede nombrar la escuela con él.",
  addSchool: "Agregar escuela",
  addTitle: "Agregar una escuela",
  editTitle: "Editar {{name}}",
  edit: "Editar",
  editLabel: "Editar {{name}}",
  name: "Nombre",
  district: "Distrito",
  chooseDistrict: "Elija un distrito",
  city: "Ciudad",
  postalCode: "Código postal",
  save: "Guardar",
  cancel: "Cancelar",
  close: "Cerrar",
  added: "Se agregó {{name}}.",
  saved: "Se guardó {{name}}.",
  actions: "Acciones",
};
