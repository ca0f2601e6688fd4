import type { signInEn } from "./sign-in.en.ts";

/** Texto en español del inicio de sesión del distrito (OpenID Connect). */
export const signInEs: typeof signInEn = {
  login: {
    or: "o",
    with: "Iniciar sesión con {{name}}",
    refused: {
      title: "Inicio de sesión rechazado",
      state: "Este enlace de inicio de sesión ya se usó, venció o fue modificado. Comience de nuevo desde esta página.",
      provider:
        "El servicio de inicio de sesión de su organización no respondió como se esperaba. Inténtelo de nuevo o entre con su contraseña.",
      "email-unverified":
        "El inicio de sesión de su organización no confirmó su correo electrónico. Consulte a su oficina de informática o entre con su contraseña.",
      domain:
        "Su correo electrónico no es uno que este inicio de sesión acepte. Use su cuenta de trabajo o entre con su contraseña.",
      "no-account":
        "No hay una cuenta de Bridgework para este correo. Pida a su coordinador o intermediario que le invite.",
      busy: "Se iniciaron demasiadas sesiones desde aquí. Espere unos minutos y vuelva a intentarlo.",
    },
  },
  page: {
    title: "Proveedores de identidad",
    intro:
      "Permita que el personal inicie sesión con las cuentas que ya tiene (Google Workspace, Microsoft Entra ID o cualquier proveedor OpenID Connect).",
    add: "Agregar proveedor de identidad",
    empty: "Aún no hay proveedores de identidad. El personal entra con su contraseña.",
    redirectUri: "URI de redirección para registrar en el proveedor",
    domains: "Dominios: {{domains}}",
    scopeRegion: "Para toda la región",
    scopeOrganization: "Para {{name}}",
    createsAccounts: "Crea cuentas en {{name}}",
    existingOnly: "Solo cuentas existentes e invitadas",
    enabled: "Activo",
    disabled: "Desactivado",
    secretSet: "Secreto del cliente: guardado",
    secretNotSet: "Secreto del cliente: no guardado",
    edit: "Editar",
    editLabel: "Editar {{name}}",
  },
  form: {
    addTitle: "Agregar proveedor de identidad",
    editTitle: "Editar {{name}}",
    name: "Nombre en el botón de inicio de sesión",
    nameHint: "Por ejemplo «Valley Unified»: el personal verá «Iniciar sesión con Valley Unified».",
    issuer: "URL del emisor",
    issuerHint:
      "Google: https://accounts.google.com · Entra ID: https://login.microsoftonline.com/<id del inquilino>/v2.0",
    clientId: "ID del cliente",
    clientSecret: "Secreto del cliente",
    clientSecretKeep: "Hay un secreto guardado; déjelo vacío para conservarlo.",
    clientSecretNew: "Se guarda cifrado y no se vuelve a mostrar.",
    domains: "Dominios de correo permitidos",
    domainsHint: "Uno por línea o separados por comas, como valleyusd.org.",
    scope: "Quién inicia sesión con él",
    wholeRegion: "Toda la región",
    createAccounts: "Crear cuentas en el primer inicio de sesión",
    createAccountsHint: "Desactivado: solo quienes ya tienen una cuenta o una invitación pueden entrar.",
    accountOrganization: "Escuela para las cuentas nuevas (como docentes)",
    enabled: "Activo",
    save: "Guardar",
    cancel: "Cancelar",
    saved: "Guardado.",
  },
};
