import type { ProblemCatalogue } from "./catalogue.en.ts";
import { actionWord, documentWords, organizationTypeWord, roleWord, statusWord, thingWord } from "./words.ts";

const s = (n: number) => (n === 1 ? "" : "s");
/** Un Retry-After en la unidad en que se espera: "40 segundos", "15 minutos", "2 horas" (redondeado hacia arriba). */
const wait = (seconds: number) => {
  if (seconds < 60) return `${seconds} segundo${s(seconds)}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minuto${s(minutes)}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hora${s(hours)}`;
};
const status = (value: string) => statusWord(value, "es");
/** Un día (AAAA-MM-DD) como se lee: "1 mar 2031". */
const day = (iso: string) =>
  new Intl.DateTimeFormat("es-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

/** The same sentences in Spanish (usted), keyed and typed like the English catalogue. */
export const PROBLEMS_ES: ProblemCatalogue = {
  "title.not-found": () => "No encontrado",
  "title.unauthenticated": () => "Sesión no iniciada",
  "title.forbidden": () => "Prohibido",
  "title.conflict": () => "Conflicto",
  "title.rule-violated": () => "Regla incumplida",
  "title.invalid-request": () => "Solicitud no válida",
  "title.link-expired": () => "El enlace ya no es válido",
  "title.rate-limited": () => "Demasiadas solicitudes",
  "title.busy": () => "Ocupado, inténtelo de nuevo",
  "title.internal": () => "Error interno",
  "title.method-not-allowed": () => "Método no permitido",
  "title.not-acceptable": () => "Formato no aceptable",
  "title.payload-too-large": () => "Contenido demasiado grande",
  "title.unsupported-media-type": () => "Tipo de contenido no admitido",
  "title.bad-request": () => "Solicitud incorrecta",

  "not-found": (p) => `${cap(thingWord(p.what, "es"))} no existe o usted no tiene acceso.`,
  "no-route": (p) => `No hay ninguna ruta para ${p.method} ${p.path}.`,
  "log-in": () => "Inicie sesión para continuar.",
  "session-expired": () => "Su sesión ha caducado. Vuelva a iniciar sesión.",
  "session-ended": () => "Su sesión ha terminado. Vuelva a iniciar sesión.",
  "session-revoked": () => "Esta sesión se cerró por su seguridad. Vuelva a iniciar sesión.",
  "bad-credentials": () => "El correo electrónico o la contraseña no son correctos.",
  "role-may-not": () => "Su rol no permite hacer esto.",
  "invalid-transition": (p) =>
    `No se puede ${actionWord(p.action, "es")} ${thingWord(p.entity, "es")}: su estado es «${status(p.from)}».`,
  "fields-invalid": () => "Algunos campos no son válidos.",
  "request-part-invalid": (p) =>
    `${cap(PART_ES[p.where] ?? p.where)} tiene ${p.count} campo${s(p.count)} no válido${s(p.count)}.`,
  "invalid-value": () => "Valor no válido",
  "unstorable-text": () => "Parte del texto de la solicitud no se puede guardar.",
  "unstorable-text-field": () => "El texto no puede contener caracteres NUL ni UTF-8 no válido.",
  "link-expired": () => "Este enlace ya se usó, caducó o fue revocado.",
  "unknown-time-zone": (p: { zone: string }) => `«${p.zone}» no es una zona horaria IANA como America/Los_Angeles.`,
  "pick-time-zone": () => "Elija una zona horaria IANA como America/Los_Angeles.",
  "sign-in-account-organization": () =>
    "Las cuentas creadas en el primer inicio de sesión van a una escuela de su región (como docentes) o a un empleador.",
  "sign-in-issuer-https": () => "El emisor debe ser una dirección https://.",
  "packet-document-required": () => "Un enlace de paquete firma el documento que mostró: indique su id.",
  "document-already-signed": () => "Este documento ya está firmado.",
  "paperwork-nothing-to-resend": () =>
    "Todos los documentos de esta práctica están firmados o anulados; no hay nada que volver a enviar.",
  "rate-limited": (p) => `Demasiados intentos. Vuelva a intentarlo en ${wait(p.seconds)}.`,
  "rate-limited-later": () => "Demasiadas solicitudes. Vuelva a intentarlo más tarde.",
  busy: () =>
    "Otro cambio en los mismos registros se estaba guardando a la vez. No se guardó nada; envíe la solicitud de nuevo.",
  internal: () => "Algo falló de nuestro lado. Indique el identificador de la solicitud si lo comunica.",
  "body-unreadable": () => "No se pudo leer el cuerpo de la solicitud.",
  "method-not-allowed": () => "Este método no está permitido aquí.",
  "not-acceptable": () => "El servidor no puede responder en un formato que esta solicitud acepte.",
  "payload-too-large": () => "El cuerpo de la solicitud es demasiado grande.",
  "unsupported-media-type": () => "Este tipo de contenido no se acepta aquí.",
  "bad-request": () => "No se pudo atender la solicitud.",
  verbatim: (p) => p.text,
  // forms: un campo de la petición que no cumple su esquema, en palabras con las que se puede actuar.
  "field.required": () => "Complete este campo.",
  "field.choose": () => "Elija una de las opciones.",
  "field.too-short": (p) => `Escriba al menos ${p.minimum} ${p.minimum === 1 ? "carácter" : "caracteres"}.`,
  "field.too-long": (p) => `Escriba como máximo ${p.maximum} ${p.maximum === 1 ? "carácter" : "caracteres"}.`,
  "field.choose-at-least": (p) => `Elija al menos ${p.minimum}.`,
  "field.choose-at-most": (p) => `Elija como máximo ${p.maximum}.`,
  "field.at-least": (p) => `Escriba ${p.minimum} o más.`,
  "field.more-than": (p) => `Escriba más de ${p.minimum}.`,
  "field.at-most": (p) => `Escriba ${p.maximum} o menos.`,
  "field.less-than": (p) => `Escriba menos de ${p.maximum}.`,
  "field.number": () => "Escriba un número.",
  "field.whole-number": () => "Escriba un número entero.",
  "field.email": () => "Escriba una dirección de correo, por ejemplo nombre@ejemplo.org.",
  "field.date": () => "Escriba una fecha (AAAA-MM-DD).",
  "field.datetime": () => "Escriba una fecha y una hora.",
  "field.id": () => "Identificador no válido; elija uno de la lista.",
  "field.format": () => "Revise el formato de este valor.",
  "field.agree": () => "Marque la casilla para continuar.",

  "ends-before-starts": () => "Termina antes de empezar",
  "window-ends-before-starts": () => "El periodo termina antes de empezar",
  "employer-required": () => "Indique el empleador en cuyo nombre publica",
  "school-required": () => "Elija la escuela de esta solicitud",
  "district-required": () => "Elija el distrito que quiere exportar",
  "not-a-pathway-of": (p) => `No es un itinerario de ${p.school}`,
  "role-organization-mismatch": (p) =>
    `El rol ${roleWord(p.role, "es")} pertenece a: ${organizationTypeWord(p.expected, "es")}, no a: ${organizationTypeWord(p.actual, "es")}`,
  "ask-cap-employers-only": () => "Solo los empleadores tienen un límite de peticiones",
  "school-needs-district": () => "Una escuela necesita su distrito",
  "no-such-district": () => "Ese distrito no existe en su región",
  "parent-schools-only": () => "Solo las escuelas tienen un distrito superior",
  "unknown-placeholder": (p) => `Marcador desconocido {{${p.name}}}`,
  "hours-not-waiting": () => "No es un registro de horas pendiente de aprobación en esta práctica",
  "rating-required": () => "Califique al estudiante del 1 al 5, o indique que no se da evaluación",
  "adult-student-email-required": () =>
    "El estudiante tiene 18 años o más en la fecha de inicio y firma por sí mismo: indique su correo",
  "column-missing": (p) => `Falta la columna ${p.column}`,
  "csv-nul-bytes": () => "El archivo contiene bytes NUL",
  "csv-header-expected": () =>
    "Se esperaba una cabecera con localId, firstName, lastName, birthDate, grade, schoolId, o la cabecera de un users.csv de OneRoster",

  "csv-unreadable": () => "El cuerpo no es un archivo CSV legible.",
  "csv-not-text": () => "El cuerpo no es un archivo CSV de texto.",
  "csv-columns-missing": () => "Al CSV le faltan columnas obligatorias.",
  "csv-unknown-format": () =>
    "El CSV no tiene ni el formato de estudiantes de Bridgework ni el de un users.csv de OneRoster.",
  "oneroster-no-role": () =>
    "Este users.csv de OneRoster no tiene columna de rol, así que no se distingue a los estudiantes del personal.",
  "invite-own-district-teachers": () => "Los coordinadores invitan a docentes de las escuelas de su propio distrito.",
  "invite-own-organization": () => "Los empleadores invitan a colegas de su propia organización.",
  "email-taken": () => "Ya existe una cuenta con este correo electrónico.",
  "invitation-not-needed": (p) => `${p.name} ya eligió una contraseña; no hay nada que reenviar.`,
  "capacity-below-taken": (p) =>
    `Ya hay ${p.taken} plaza${s(p.taken)} ocupada${s(p.taken)}, así que la capacidad no puede bajar de ${p.taken}.`,
  "seats-just-taken": (p) => `No quedan plazas para ${p.seats} estudiante${s(p.seats)} más: se acaban de ocupar.`,
  "feedback-after-completion": (p) =>
    `Este emparejamiento está en estado «${status(p.status)}»: la valoración se abre cuando se completa.`,
  "feedback-given": () => "Usted ya valoró este emparejamiento.",
  "reschedule-not-yours": () => "Solo el docente que lo pidió, el empleador o un coordinador pueden cambiar la hora.",
  "cancel-match-not-yours": () =>
    "Solo el docente que lo pidió, o un coordinador, pueden cancelar este emparejamiento.",
  "ask-limit-reached": (p) =>
    `${p.employer} ya recibió ${p.asks} petici${p.asks === 1 ? "ón" : "ones"} este mes (límite ${p.cap}). Espere al mes que viene, combine solicitudes o pida a un intermediario que suba el límite.`,
  "grow-not-ready": (p) =>
    `${p.employer} no cumple ahora esta regla, o ya recibió una invitación a este paso en los últimos 90 días.`,
  "grow-kind-mismatch": () => "Esta regla invita a otro tipo de experiencia.",
  "grow-no-contact": (p) => `${p.employer} no tiene ningún contacto activo al que enviar la invitación.`,
  "blackout-month": (p) =>
    `${p.employer} pidió no recibir peticiones en ${new Intl.DateTimeFormat("es", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, p.month - 1, 1)))}. Espere a un mes en que acepte peticiones.`,
  "opportunity-not-taking-matches": (p) =>
    `Esta oportunidad está en estado «${status(p.status)}» y no admite emparejamientos nuevos.`,
  "seats-left": (p) =>
    p.count === 1 ? "Solo queda 1 plaza en esta oportunidad." : `Solo quedan ${p.count} plazas en esta oportunidad.`,
  "match-exists": () => "Esta solicitud ya tiene un emparejamiento en curso con esta oportunidad.",
  "job-not-failed": (p) =>
    `Esta tarea está en estado «${status(p.status)}»; solo se puede reintentar una tarea que falló.`,
  "job-just-retried": () => "Esta tarea se acaba de reintentar o ya terminó.",
  "template-version-exists": () =>
    "Alguien publicó una nueva versión de este formulario en el mismo momento. Recargue e inténtelo de nuevo.",
  "student-local-id-taken": (p) =>
    `Ya existe un estudiante con el identificador local "${p.localId}" en este distrito.`,
  "student-local-id-taken-other": () => "Otro estudiante de ese distrito ya tiene este identificador local.",
  "paperwork-incomplete": (p) =>
    `${p.count === 1 ? "Falta firmar 1 documento" : `Faltan por firmar ${p.count} documentos`}: ${documentWords(p.kinds, "es")}.`,
  "insurance-missing": () =>
    "El empleador no tiene certificado de seguro registrado. Registre uno, o registre una cláusula adicional o una exención para esta práctica.",
  "insurance-expired": (p) =>
    `El certificado de seguro del empleador venció el ${p.on}. Registre uno vigente, o registre una cláusula adicional o una exención para esta práctica.`,
  "hours-need-active": (p) => `Las horas se registran en prácticas activas; esta está en estado «${status(p.status)}».`,
  "hours-outside-window": (p) =>
    `Las horas deben caer entre el inicio (${p.start}) y el fin (${p.end}) de la práctica, y no en el futuro.`,
  "document-not-pending": (p) =>
    `Este documento está en estado «${status(p.status)}»; solo se puede reenviar un documento sin firmar.`,
  "opportunity-not-published": (p) =>
    `La oportunidad está en estado «${status(p.status)}»; solo una oportunidad publicada admite prácticas.`,
  "every-seat-taken": () => "Todas las plazas de esta oportunidad están ocupadas.",
  "guardian-email-missing": (p) =>
    `${p.student} no tiene registrado el correo de su madre, padre o tutor, y los documentos de un menor los firma esa persona. Añada primero el tutor al estudiante.`,
  "under-minimum-age": (p) =>
    `${p.student} tiene ${p.age} años el ${p.on}; esta oportunidad exige al menos ${p.minAge}.`,
  "placement-open": (p) => `${p.student} ya tiene una práctica abierta en esta oportunidad.`,
  "cancel-request-not-yours": () => "Solo el docente que hizo esta solicitud, o un coordinador, pueden cancelarla.",
  "pathway-own-district": () => "Los coordinadores añaden itinerarios a las escuelas de su propio distrito.",
  "pathway-exists": (p) => `${p.school} ya tiene un itinerario llamado "${p.name}".`,
  "organization-name-taken": () => "Otra organización de este tipo ya tiene ese nombre.",
  "organization-exists": (p) => `Ya existe en su región una organización de este tipo llamada "${p.name}".`,
  // Students import (area: students): row problems, each naming the file's column.
  "import-row-unreadable": (p) => `No se puede leer como CSV: ${p.detail}`,
  "import-cell-missing": (p) => `Falta ${p.column}`,
  "import-grade-invalid": (p) => `${p.column} "${p.cell}" no es un grado del 6 al 12`,
  "import-date-invalid": (p) => `${p.column} "${p.cell}" no es una fecha (AAAA-MM-DD)`,
  "import-choice-invalid": (p) => `${p.column} "${p.cell}" no es ninguno de: ${p.choices}`,
  "import-yes-no": (p) => `${p.column} "${p.cell}": use Y (sí) o N (no)`,
  "import-email-invalid": (p) => `${p.column} "${p.cell}" no es un correo electrónico`,
  "import-ssid-invalid": (p) => `${p.column} "${p.cell}": el SSID tiene 10 dígitos`,
  "import-cell-invalid": (p) => `${p.column} "${p.cell}" no es válido`,
  "import-school-unknown": (p) =>
    `${p.column} "${p.cell}" no es el nombre, el código local ni el id de una escuela de su ${p.scope === "district" ? "distrito" : "región"}`,
  "import-local-id-repeats": (p) => `localId "${p.localId}" repite la línea ${p.line}; solo se importa la primera`,
  "import-oneroster-school-unknown": (p) =>
    `orgSourcedIds: ninguno de ${p.refs} es una escuela de su ${p.scope === "district" ? "distrito" : "región"} (por id de Bridgework, nombre exacto o código local)`,
  "import-oneroster-to-be-deleted": () => "status tobedeleted: no se importa (elimine al estudiante en Bridgework)",
  // Cuenta (contraseña olvidada) y acciones en bloque.
  "password-reset-link-expired": () =>
    "Este enlace para restablecer la contraseña ya se usó o venció (los enlaces funcionan una vez, durante una hora). Pida uno nuevo.",
  "bulk-ids-unique": () => "Incluya cada elemento una sola vez.",

  // Certificados de seguro (archivo subido, pedir uno a un empleador).
  "certificate-file-too-large": (p) =>
    `El archivo del certificado pesa más de ${p.mb} MB. Envíe un PDF, PNG o JPEG más pequeño.`,
  "certificate-file-type": () => "El archivo del certificado debe ser un PDF, PNG o JPEG.",
  "certificate-file-empty": () => "El archivo del certificado está vacío.",
  "employer-has-no-contacts": (p) =>
    `${p.employer} no tiene ningún usuario activo a quien pedírselo. Invite primero a alguien del empleador.`,
  // Pedidos y solicitudes: la fecha debe caer dentro del periodo que pidió el docente.
  "outside-window": (p) =>
    `Esa fecha está fuera del periodo del docente (${day(p.start)} – ${day(p.end)}). Elija una fecha y hora entre el ${day(p.start)} y el ${day(p.end)}, o rechace el pedido e indique qué fechas le vendrían bien.`,
  "outside-window-field": (p) => `Elija una fecha entre el ${day(p.start)} y el ${day(p.end)}`,
  // Lo que espera + calendario (área "waiting")
  "range-ends-before-starts": () =>
    'El intervalo termina antes de empezar. Elija un día "hasta" igual o posterior al día "desde".',
  "calendar-range-too-long": () => "Pida como máximo 93 días a la vez.",
  // Organizaciones: el código local de una escuela (área "code").
  "organization-local-code-taken": (p) =>
    `Otra organización de este tipo en su región ya tiene el código local "${p.code}".`,
  "organization-local-code-field": () => "Ya lo usa otra organización de este tipo",
  // Datos del distrito: la exportación del distrito (área "district-export").
  "district-export-not-ready": () =>
    "Esta exportación aún no está lista. Descárguela cuando su progreso llegue al 100 %.",
  // Invitaciones: una sola respuesta para toda dirección ya en uso, en esta región u otra (área "privacy").
  "address-not-invitable": () =>
    "No se puede invitar a esta dirección de correo. Si la persona ya usa Bridgework, búsquela en su lista de personas; si no, pídale otra dirección.",
  "address-not-invitable-field": () => "No se puede invitar: use otra dirección",
  // Borrar los datos de estudiantes de un distrito (área "erase"): la confirmación escrita.
  "erase-confirm-mismatch": (p) =>
    `No se borró nada: escriba el nombre del distrito tal como aparece, «${p.name}», para confirmar.`,
  "erase-confirm-field": (p) => `Escriba «${p.name}» exactamente`,
  // No disponible (503): la base de datos no responde o va demasiado lenta, o este servidor se está reiniciando.
  "title.unavailable": () => "Servicio no disponible",
  "unavailable-database": () =>
    "El servicio no puede comunicarse con su base de datos en este momento. Inténtelo de nuevo en unos segundos.",
  "unavailable-restarting": () => "Este servidor se está reiniciando. Envíe la solicitud de nuevo.",
  // Límites de la entrada (área "limits"): errores del enrutador y rangos de fechas.
  "title.uri-too-long": () => "URI demasiado larga",
  "uri-too-long": () => "Una parte de esta dirección es demasiado larga para ser un identificador o un enlace.",
  "url-unreadable": () => "No se pudo leer la dirección de la solicitud.",
  "url-unreadable-field": () => "La dirección contiene un escape % incorrecto; revise el enlace.",
  "field.date-range": (p) => `Escriba una fecha de los años ${p.from} a ${p.to}.`,
  "own-ask-cap-above-region": (p) =>
    `Su región fijó un límite de ${p.cap} peticiones al mes; puede bajarlo, no subirlo por encima de ${p.cap}. Pida a su intermediario que lo suba.`,
  "own-ask-cap-field": (p) => `Como máximo ${p.cap} (el límite que fijó su región)`,
  "preferred-contact-not-colleague": () => "El contacto preferido debe ser una de las personas de esta organización.",
  "preferred-contact-field": () => "Elija a una de las personas de su organización",
  "preferences-not-saved": () => "Sus preferencias no se guardaron; revise los campos.",
  "nothing-to-thank": (p) =>
    `${p.employer} no tiene actividades, prácticas ni horas aprobadas completadas en ${p.schoolYear}, así que todavía no hay nada que agradecer.`,
  "event-shift-full": (p) =>
    `Todos los puestos de «${p.role}» están ocupados (se necesitan ${p.needed}). Aumente primero el número necesario o añada a la persona a otro turno.`,
  "event-role-has-volunteers": (p) =>
    `Este turno tiene ${p.count} ${p.count === 1 ? "voluntario confirmado" : "voluntarios confirmados"}. Cancélelos primero o mantenga el turno.`,
  "event-needed-below-confirmed": (p) =>
    `Ya hay ${p.confirmed} ${p.confirmed === 1 ? "voluntario confirmado" : "voluntarios confirmados"} en este turno: el número necesario no puede bajar de ${p.confirmed}.`,
  "event-needed-below-confirmed-field": (p) => `Al menos ${p.confirmed}`,
  "event-not-editable": (p) => `Este evento está ${statusWord(p.status, "es")}; ya no se puede cambiar.`,
  "event-school-out-of-scope": () => "Elija una escuela de su distrito (o región)",
  "event-pathway-out-of-scope": () => "Elija una trayectoria de una escuela participante",
  "event-volunteer-signed-up": () => "Esta persona ya está inscrita en este turno.",
  "volunteer-already-signed-up": () =>
    "Este correo ya está inscrito en este turno. Revise su correo para ver la confirmación; tiene un enlace para cancelar.",
  "event-not-open": () =>
    "Este evento ya no acepta inscripciones ni cancelaciones aquí. Comuníquese con quienes lo organizan.",
  // Eventos: estudiantes y el horario armado (área "event-schedule").
  "event-schedule-frozen": (p) =>
    `Este evento está ${status(p.status)}: sus estudiantes y su horario ya no pueden cambiar.`,
  "event-not-scheduled-kind": () =>
    "Solo las entrevistas de práctica y la evaluación de competencias tienen un horario armado; en este evento los voluntarios solo se inscriben.",
  "event-school-not-taking-part": () =>
    "Esa escuela no participa en este evento. Agréguela primero a las escuelas del evento.",
  "event-school-field": () => "Elija una de las escuelas del evento",
  "event-pathway-not-of-school": () => "Esa trayectoria no es una de las trayectorias de esta escuela.",
  "event-pathway-field": () => "Elija una de las trayectorias de esta escuela",
  "event-volunteer-not-scheduled": () =>
    "Solo se puede reemplazar a entrevistadores (o jueces) confirmados de este evento.",
  "badge-not-found": () =>
    "No hay ninguna credencial con ese código en este evento. Revise el código o busque a la persona en la lista.",
  "no-show-checked-in": (p) =>
    `${p.name} ya registró su llegada, así que no se puede marcar como ausente. Deshaga primero el registro si fue un error.`,
  "score-unknown-criterion": () => "Este no es un criterio de la rúbrica del evento.",
  "event-not-scoring": () =>
    "Solo se pueden guardar puntuaciones desde que se abre la inscripción hasta que el evento se archiva.",
};

/** Where a zod error was found ("body", "querystring"…), as a Spanish reader names it. */
const PART_ES: Record<string, string> = {
  body: "el cuerpo",
  querystring: "la consulta",
  params: "la ruta",
  headers: "las cabeceras",
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
