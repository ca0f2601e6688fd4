import type { accountEn } from "./account.en.ts";

/** Texto en español de las páginas de contraseña olvidada y de las acciones en bloque; mismas claves que en. */
export const accountEs: typeof accountEn = {
  forgotLink: "¿Olvidó su contraseña?",
  forgot: {
    title: "¿Olvidó su contraseña?",
    intro:
      "Escriba el correo electrónico con el que inicia sesión. Le enviaremos un enlace para elegir una contraseña nueva.",
    email: "Correo electrónico",
    submit: "Enviarme un enlace",
    submitting: "Enviando…",
    failed: "No se pudo enviar el enlace",
    sentTitle: "Revise su correo",
    sent: "Si {{email}} tiene una cuenta de Bridgework, le llegará un enlace para elegir una contraseña nueva. El enlace funciona una sola vez, durante una hora.",
    backToLogin: "Volver a iniciar sesión",
  },
  reset: {
    title: "Elija una contraseña nueva",
    forEmail:
      "Para la cuenta {{email}}. Al crear una contraseña nueva se cierra su sesión en todos los demás dispositivos.",
    password: "Contraseña nueva",
    passwordHint: "Al menos 12 caracteres. Unas cuantas palabras sin relación forman una contraseña segura.",
    confirm: "Repita la contraseña nueva",
    mismatch: "Las contraseñas no coinciden.",
    submit: "Guardar contraseña nueva",
    submitting: "Guardando…",
    expiredTitle: "Este enlace ya no se puede usar",
    expiredBody: "El enlace ya se usó o venció (los enlaces funcionan una vez, durante una hora). Pida uno nuevo.",
    askAgain: "Pedir un enlace nuevo",
    done: "Su contraseña se cambió. Inicie sesión con su contraseña nueva.",
  },
  bulk: {
    selectAll: "Seleccionar todo en esta página",
    selectedCount_one: "{{count}} seleccionado",
    selectedCount_other: "{{count}} seleccionados",
    selectMatch: "Seleccionar: {{title}} para {{school}}",
    selectPlacement: "Seleccionar: {{student}} en {{employer}}",
    approveSelected: "Aprobar seleccionadas",
    resendSelected: "Reenviar enlaces",
    working: "Procesando…",
    resultsTitle: "Resultados",
    summary: "{{succeeded}} hechas, {{failed}} sin hacer.",
    approved: "Aprobada: se envió la solicitud al empleador.",
    resent: "Se enviaron enlaces de firma nuevos.",
    failedItem: "Sin hacer: {{detail}}",
    unknownItem: "Elemento {{id}}",
  },
};
