import type { studentsEn } from "./students.en.ts";

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** Spanish text of the students area; the type keeps the keys in step with English. */
export const studentsEs: Same<typeof studentsEn> = {
  demographics: {
    title: "Datos demográficos",
    hint: "Solo se usan para los informes de equidad de la región y las exportaciones del propio distrito; nunca aparecen en las listas de estudiantes. Deje un campo como «Sin registrar» si la familia no lo indicó.",
    gender: "Género",
    raceEthnicity: "Raza o etnia",
    englishLearner: "Aprendiz de inglés",
    disability: "Estudiante con discapacidad",
    lowIncome: "Bajos ingresos (desfavorecido socioeconómicamente)",
    notRecorded: "Sin registrar",
    preferNotToSay: "Sin registrar / prefiere no decirlo",
    yes: "Sí",
    no: "No",
    genders: { F: "Femenino", M: "Masculino", X: "No binario" },
    races: {
      hispanic: "Hispano o latino",
      american_indian: "Indígena americano o nativo de Alaska",
      asian: "Asiático",
      black: "Negro o afroamericano",
      filipino: "Filipino",
      pacific_islander: "Nativo de Hawái o de otras islas del Pacífico",
      white: "Blanco",
      two_or_more: "Dos o más razas",
      declined: "Prefiere no decirlo",
    },
    loading: "Cargando datos demográficos…",
  },
  import: {
    hint: "Parta de la plantilla: una fila por estudiante, asociada por id local. Escuelas por nombre, el idioma del tutor como Inglés o Español, los datos demográficos en palabras (Femenino, Hispano o latino, Sí…). Compruebe primero el archivo: no se guarda nada hasta que lo confirme.",
    template: "Descargar la plantilla CSV",
    templateFailed: "No se pudo descargar la plantilla. Inténtelo de nuevo.",
    check: "Comprobar archivo",
    previewTitle: "Lo que haría esta importación",
    previewSummary:
      "{{total}} filas: {{create}} se agregarían, {{update}} se actualizarían, {{errors}} con problemas (no se importan).",
    previewMore: "Se muestran todas las filas con problemas y las primeras {{count}} restantes.",
    previewCaption: "Filas del archivo y lo que pasaría con cada una",
    row: "Fila",
    student: "Estudiante",
    outcome: "Resultado",
    problems: "Problemas",
    outcomes: { create: "Se agregaría", update: "Se actualizaría", error: "No se importa" },
    confirm: "Importar",
    confirmHint: "Las filas con problemas se omiten; corríjalas en el archivo e impórtelo de nuevo más tarde.",
    nothingToImport: "Ninguna fila se puede importar: corrija los problemas y compruebe el archivo de nuevo.",
    changeFile: "Elegir otro archivo",
  },
  calpads: {
    readyAll: "Todos los registros están listos para CALPADS.",
    caption: "Registros excluidos de la exportación CALPADS, con lo que le falta a cada uno",
    student: "Estudiante",
    school: "Escuela",
    experience: "Experiencia",
    missing: "Falta",
    more: "Se muestran {{shown}} de {{total}} registros con datos faltantes.",
    reasons: {
      ssid: "Identificador estatal del estudiante (SSID)",
      stateCourseCode: "Código de curso estatal (aún no se puede registrar en Bridgework)",
      hours: "Horas aprobadas en este año escolar",
    },
  },
  edit: {
    notFound: "Ese estudiante no está en su lista (puede que se haya eliminado).",
  },
};
