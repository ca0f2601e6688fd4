import type { eventSignupEn } from "./event-signup.en.ts";

/** Texto en español de la inscripción pública de voluntarios para eventos. */
export const eventSignupEs: typeof eventSignupEn = {
  list: {
    title: "Sea voluntario en eventos de {{region}}",
    intro:
      "Entrevistas de práctica, ferias de empleo y jurados: dedique unas horas a los estudiantes. Elija un evento para ver sus turnos.",
    empty: "Ningún evento busca voluntarios en este momento. Vuelva pronto.",
    caption: "Eventos abiertos a voluntarios",
    signUp: "Inscribirse en {{event}}",
    online: "En línea",
  },
  notFound: "Este evento no está recibiendo voluntarios (puede estar lleno, cerrado o haber terminado).",
  allEvents: "Todos los eventos de {{region}}",
  fromGetInvolved: "¿Prefiere dar unas horas en un solo evento? Vea los eventos que buscan voluntarios",
  regionNotFound: "No conocemos esta región.",
  when: "Cuándo",
  where: "Dónde",
  places_one: "Queda {{count}} lugar",
  places_other: "Quedan {{count}} lugares",
  full: "Lleno — únase a la lista de espera",
  waiting_one: "{{count}} en la lista de espera",
  waiting_other: "{{count}} en la lista de espera",
  bring: "Traiga: {{bring}}",
  form: {
    title: "Inscribirse",
    role: "Elija un puesto y un turno",
    name: "Su nombre",
    email: "Correo electrónico",
    emailHint: "Aquí le enviamos la confirmación y el enlace para cancelar.",
    phone: "Teléfono (opcional)",
    employerName: "Empleador",
    employerHint: "La empresa u organización donde trabaja.",
    sectors: "Su industria",
    language: "Correos en",
    faxNumber: "Número de fax (déjelo vacío)",
    submit: "Inscribirme",
    submitting: "Inscribiendo…",
    chooseRole: "Elija un puesto",
    required: "Complete {{field}}",
  },
  done: {
    confirmedTitle: "Está inscrito",
    confirmed:
      "Su lugar como {{role}} está confirmado. Enviamos a {{email}} los detalles, un evento de calendario y un enlace para cancelar si cambian sus planes.",
    waitlistedTitle: "Está en la lista de espera",
    waitlisted:
      "Todos los lugares como {{role}} están ocupados, así que usted es el número {{position}} de la lista de espera. Si se abre un lugar, le escribiremos a {{email}} de inmediato.",
    another: "Inscribirse en otro turno",
  },
  cancel: {
    title: "Cancelar su lugar",
    intro: "{{name}}, usted está inscrito como {{role}} en {{event}}.",
    waitlistedIntro: "{{name}}, usted está en la lista de espera para {{role}} en {{event}}.",
    shift: "Turno: {{shift}}",
    confirm: "Cancelar mi lugar",
    cancelling: "Cancelando…",
    done: "Su lugar quedó cancelado. Gracias por avisarnos: alguien de la lista de espera puede tomarlo.",
    already: "Este lugar ya estaba cancelado. No hay nada más que hacer.",
    notFound:
      "Este enlace para cancelar no es válido. Si recibió un correo más reciente sobre este evento, use el enlace de ese correo.",
  },
};
