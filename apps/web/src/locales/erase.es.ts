import type { eraseEn } from "./erase.en.ts";

/** Texto en español de borrar datos de estudiantes (distrito, estudiante, período de conservación); mismas claves que erase.en.ts. */
export const eraseEs: typeof eraseEn = {
  district: {
    button: "Borrar datos de estudiantes",
    buttonLabel: "Borrar datos de estudiantes de {{name}}",
    title: "Zona de peligro: borrar los datos de estudiantes de este distrito",
    body: "Se borrarán para siempre todos los estudiantes de {{name}} y todo registro que los nombre: prácticas, documentos firmados, horas, evaluaciones y correos. El registro de auditoría conserva lo que se hizo, con seudónimos; los totales de los informes no cambian. No se puede deshacer.",
    confirmLabel: "Escriba el nombre del distrito para confirmar",
    confirmHint: "Escriba {{name}} tal como aparece.",
    keep: "Conservar los datos",
    erase: "Borrar datos de estudiantes",
    running: "Borrando… {{processed}} de {{total}} estudiantes",
    progressLabel: "Avance del borrado",
    done_one: "Se borró {{count}} estudiante y {{placements}} prácticas. Ya nada los nombra.",
    done_other: "Se borraron {{count}} estudiantes y {{placements}} prácticas. Ya nada los nombra.",
    failed: "El borrado se detuvo a medias. Lo borrado ya no está; vuelva a iniciarlo para terminar.",
    close: "Cerrar",
  },
  student: {
    delete: "Eliminar",
    deleteLabel: "Eliminar a {{name}}",
    title: "¿Eliminar a {{name}}?",
    body: "Se borrarán para siempre el registro de {{name}}, los datos de su tutor, sus prácticas, documentos firmados, horas, evaluaciones y los correos sobre ellos. El registro de auditoría conserva lo que se hizo, con un seudónimo; los totales de los informes no cambian.",
    keep: "Conservar",
    confirm: "Eliminar estudiante",
    deleted: "Se eliminó a {{name}}.",
  },
  retention: {
    title: "Conservación de datos de estudiantes",
    label: "Borrar estudiantes después de (años)",
    hint: "Se cuenta desde la última actividad del estudiante: el fin de su última práctica o el último cambio en su registro. Déjelo vacío para conservar a los estudiantes hasta que su distrito los elimine.",
    save: "Guardar conservación",
    saved_other: "Ahora los estudiantes se borran {{count}} años después de su última actividad.",
    saved_one: "Ahora los estudiantes se borran {{count}} año después de su última actividad.",
    cleared: "Ahora los estudiantes se conservan hasta que su distrito los elimine.",
    formLabel: "Conservación de datos de estudiantes",
  },
};
