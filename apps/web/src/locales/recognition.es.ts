import type { recognitionEn } from "./recognition.en.ts";

/** Texto en español de las preferencias del empleador y las cartas de agradecimiento. */
export const recognitionEs: typeof recognitionEn = {
  preferences: {
    pageTitle: "Preferencias",
    intro:
      "Con qué frecuencia y cuándo puede la región pedirle algo a su organización, a quién pedírselo primero y su carta de agradecimiento.",
    title: "Preferencias de participación",
    cap: "Peticiones nuevas al mes, como máximo",
    capHint: "Su región fijó {{cap}}; puede elegir menos. Déjelo así para mantener {{cap}}.",
    capHintNoCeiling: "Su región no fijó un límite; puede elegir uno.",
    blackout: "Meses en que no nos pidan nada",
    blackoutHint: "Las peticiones e invitaciones esperan hasta que pasen estos meses.",
    contact: "Contacto preferido",
    contactHint: "Las peticiones e invitaciones van primero a esta persona.",
    everyone: "Todo nuestro equipo",
    save: "Guardar preferencias",
    saved: "Sus preferencias se guardaron.",
  },
  letter: {
    title: "Carta de agradecimiento",
    titleFor: "Carta de agradecimiento para {{employer}}",
    pageTitle: "Cartas de agradecimiento",
    intro:
      "Al final del año escolar, agradezca a cada empleador con una carta de una página sobre lo que hizo: actividades, estudiantes alcanzados y horas acogidas.",
    employer: "Empleador",
    schoolYear: "Año escolar",
    download: "Descargar carta de agradecimiento",
    send: "Enviar carta de agradecimiento",
    sent_one: "La carta de agradecimiento se envió por correo a {{to}}.",
    sent_other: "La carta de agradecimiento se envió por correo a {{count}} personas: {{to}}.",
    alreadySent: "Ya se envió hoy; no se envió nada nuevo.",
    hint: "Un PDF de una página con las actividades, prácticas, estudiantes alcanzados y horas aprobadas del año escolar. Un año sin nada completado no tiene carta.",
  },
};
