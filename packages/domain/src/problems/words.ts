import type { OrganizationType, Role } from "../enums.ts";
import { LABELS } from "../labels.ts";
import type { DocumentKind } from "../placements/placements.ts";
import type { GuardianLanguage } from "../placements/students.ts";

/** Things a problem can name ("The {thing} does not exist"). */
export const THINGS = [
  "resource",
  "user",
  "employer",
  "school",
  "district",
  "organization",
  "intermediary",
  "postsecondary",
  "opportunity",
  "request",
  "match",
  "placement",
  "document",
  "signed document",
  "student",
  "import",
  "job",
  "template",
  "region",
  "pathway",
  "certificate",
  "submission",
  "event",
  "volunteer role",
  "volunteer",
  "event student",
] as const;
export type Thing = (typeof THINGS)[number];

/** A noun with its Spanish article, so sentences agree in gender ("la oportunidad", "el emparejamiento"). */
const THING_WORDS: Record<GuardianLanguage, Record<Thing, string>> = {
  en: Object.fromEntries(THINGS.map((t) => [t, `the ${t}`])) as Record<Thing, string>,
  es: {
    resource: "el recurso",
    user: "el usuario",
    employer: "el empleador",
    school: "la escuela",
    district: "el distrito",
    organization: "la organización",
    intermediary: "el intermediario",
    postsecondary: "la institución postsecundaria",
    opportunity: "la oportunidad",
    request: "la solicitud",
    match: "el emparejamiento",
    placement: "la práctica",
    document: "el documento",
    "signed document": "el documento firmado",
    student: "el estudiante",
    import: "la importación",
    job: "la tarea",
    template: "la plantilla",
    region: "la región",
    pathway: "la trayectoria",
    certificate: "el certificado",
    submission: "la solicitud de participación",
    event: "el evento",
    "volunteer role": "el puesto de voluntariado",
    volunteer: "el voluntario",
    "event student": "el estudiante del evento",
  },
};

export function thingWord(thing: Thing, lang: GuardianLanguage): string {
  return THING_WORDS[lang][thing];
}

/** Every state name an entity can be in (opportunities, requests, matches, placements, documents, jobs, users). */
const STATUS_ES: Record<string, string> = {
  draft: "borrador",
  published: "publicado",
  paused: "en pausa",
  closed: "cerrado",
  archived: "archivado",
  open: "abierto",
  matched: "emparejado",
  fulfilled: "cumplido",
  cancelled: "cancelado",
  expired: "vencido",
  proposed: "propuesto",
  approved: "aprobado",
  accepted: "aceptado",
  scheduled: "programado",
  completed: "completado",
  declined: "rechazado",
  pending_paperwork: "con documentos pendientes",
  ready: "listo",
  active: "activo",
  withdrawn: "retirado",
  pending: "pendiente",
  signed: "firmado",
  void: "anulado",
  failed: "fallido",
  queued: "en cola",
  running: "en curso",
  done: "terminado",
  invited: "invitado",
  disabled: "desactivado",
  gone: "eliminado",
  dispatched: "enviado a la cola",
  sent: "enviado",
  rejected: "rechazado",
  waiting: "en espera",
  unconfirmed: "sin confirmar",
  merged: "fusionado",
  held: "realizado",
  confirmed: "confirmado",
  waitlisted: "en lista de espera",
};

/** A state as a reader says it; unknown states fall back to their code with spaces. */
export function statusWord(status: string, lang: GuardianLanguage): string {
  if (lang === "es") return STATUS_ES[status] ?? status.replaceAll("_", " ");
  return status.replaceAll("_", " ");
}

/** English actions come in the past participle ("cannot be published"); Spanish says the verb ("no se puede publicar"). */
const ACTION_ES: Record<string, string> = {
  published: "publicar",
  paused: "pausar",
  closed: "cerrar",
  archived: "archivar",
  held: "marcar como realizado",
  opened: "abrir",
  cancelled: "cancelar",
  expired: "dar por vencido",
  reopened: "reabrir",
  fulfilled: "dar por cumplido",
  declined: "rechazar",
  completed: "completar",
  approved: "aprobar",
  accepted: "aceptar",
  scheduled: "programar",
  matched: "emparejar",
  withdrawn: "retirar",
  activated: "activar",
  "made ready": "marcar como listo",
  edited: "editar",
  "given an insurance override": "eximir del seguro",
  merged: "fusionar",
};

export function actionWord(action: string, lang: GuardianLanguage): string {
  return lang === "es" ? (ACTION_ES[action] ?? action) : action;
}

const ROLE_ES: Record<Role, string> = {
  intermediary: "intermediario",
  coordinator: "coordinador",
  teacher: "docente",
  employer: "empleador",
};
const ORG_TYPE_ES: Record<OrganizationType, string> = {
  district: "distrito",
  school: "escuela",
  employer: "empleador",
  postsecondary: "institución postsecundaria",
  intermediary: "intermediario",
};

export function roleWord(role: Role, lang: GuardianLanguage): string {
  return lang === "es" ? ROLE_ES[role] : role;
}

export function organizationTypeWord(type: OrganizationType, lang: GuardianLanguage): string {
  return lang === "es" ? ORG_TYPE_ES[type] : type;
}

export function documentWords(kinds: readonly DocumentKind[], lang: GuardianLanguage): string {
  return kinds.map((k) => LABELS[lang].documents[k]).join(", ");
}
